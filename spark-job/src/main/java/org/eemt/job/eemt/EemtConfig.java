package org.eemt.job.eemt;

import java.io.Serializable;
import org.eemt.job.stage.ClimateInput;

/**
 * The climate and EEMT parameters of a run as a checked value, built by the command line from
 * {@link EemtOptions} (paths absolute).
 *
 * @param climate               the climate as given ({@code --climate}, {@code --climate-elevation}, {@code --years})
 * @param lapseRateCelsiusPerKm temperature lapse rate, °C per km
 * @param windMetresPerSecond   wind speed at 2 m, m/s
 * @param leafAreaIndex         leaf area index GeoTIFF on the DEM's grid, or {@code null}
 * @param canopyHeight          canopy height GeoTIFF (m) on the DEM's grid, or {@code null} (given with {@code leafAreaIndex})
 */
public record EemtConfig(ClimateInput climate, double lapseRateCelsiusPerKm, double windMetresPerSecond,
                         String leafAreaIndex, String canopyHeight) implements Serializable {

    /** Whether EEMT_TOPO-VEG is asked for (both rasters given). */
    public boolean vegetation() {
        return leafAreaIndex != null;
    }
}
