package org.eemt.job.wetness;

import java.io.Serializable;
import java.util.Locale;
import org.eemt.geo.EemtException;
import org.eemt.geo.hydrology.WetnessSettings;
import picocli.CommandLine.Option;

/** The parameters of the wetness-index stage (docs/hydrology.md); one name everywhere, as every run parameter. */
public class WetnessOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    @Option(names = "--wetness-index", paramLabel = "INDEX", defaultValue = "standard",
            description = "standard (ln(SCA / tan slope) over D-infinity) or saga (the SAGA Wetness Index of Boehner et al. 2002, "
                    + "as the original EEMT workflow computed it), written to terrain/twi. Default: ${DEFAULT-VALUE}.")
    public String index = "standard";

    @Option(names = "--swi-suction", paramLabel = "T", defaultValue = "10",
            description = "Suction of the SAGA Wetness Index's modified catchment area (>= 1; the lower, the wider valley "
                    + "floors get wet). Default: ${DEFAULT-VALUE}.")
    public double suction = 10;

    /** The settings as a checked value, or an exit-2 error naming the bad option. */
    public WetnessSettings settings() {
        WetnessSettings.Kind kind;
        try {
            kind = WetnessSettings.Kind.valueOf(index.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw EemtException.input("--wetness-index " + index, "is not a wetness index", "use standard or saga");
        }
        if (!(suction >= 1) || Double.isInfinite(suction)) {
            throw EemtException.input("--swi-suction " + suction, "is not a finite number >= 1",
                    "give the SAGA Wetness Index's suction, e.g. 10 (SAGA's default)");
        }
        return new WetnessSettings(kind, suction);
    }
}
