package org.eemt.geo.solar;

import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.fast.SolarTileModel;
import java.util.function.Consumer;

/**
 * The Spark-free entry point of the solar model: one tile, a set of days, monthly sums
 * ({@link MonthlySolarSums}) and, for whoever wants them (the {@code --keep-daily} products), each
 * day's arrays as they are computed.
 */
public final class SolarTileRun {
    private SolarTileRun() {
    }

    /**
     * Computes the given days (1..365, any order) for the core of {@code tile}.
     *
     * @param daily receives each day's results, in the order of {@code days}; may be null
     */
    public static MonthlySolarSums run(SolarTile tile, SolarParameters parameters, int[] days, Consumer<DailyIrradiation> daily) {
        SolarTileModel model = SolarTileModel.prepare(tile, parameters);
        return run(model, days, daily);
    }

    /** As {@link #run(SolarTile, SolarParameters, int[], Consumer)} with a prepared model (horizons computed once). */
    public static MonthlySolarSums run(SolarTileModel model, int[] days, Consumer<DailyIrradiation> daily) {
        MonthlySolarSums sums = new MonthlySolarSums(Math.toIntExact(model.tile().core().cells()));
        for (int d : days) {
            DailyIrradiation day = model.day(d);
            sums.add(day);
            if (daily != null) {
                daily.accept(day);
            }
        }
        return sums;
    }
}
