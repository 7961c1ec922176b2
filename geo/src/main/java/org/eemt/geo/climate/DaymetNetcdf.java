package org.eemt.geo.climate;

import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * Daymet V4 monthly netCDF files ({@code daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc}, netCDF-4
 * from ORNL or netCDF-3 from NetcdfSubset) through {@link MonthlyNetcdf}: the variable by its
 * Daymet name, on Daymet's Lambert conformal conic grid only.
 */
public final class DaymetNetcdf {
    private DaymetNetcdf() {
    }

    /** The whole grid of the file's variable, in metres of its Lambert conformal CRS; no values read. */
    public static RasterGrid grid(String location, ClimateVariable variable) {
        return MonthlyNetcdf.grid(location, ClimateDataset.DAYMET, variable);
    }

    /** The twelve months of {@code variable} in {@code year} on the cells of {@code window} (a window of {@link #grid}). */
    public static MonthlyGrid read(String location, ClimateVariable variable, int year, PixelWindow window) {
        return MonthlyNetcdf.read(location, ClimateDataset.DAYMET, variable, year, window);
    }
}
