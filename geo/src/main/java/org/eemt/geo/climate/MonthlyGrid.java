package org.eemt.geo.climate;

import java.io.Serializable;
import org.eemt.geo.raster.RasterGrid;

/**
 * Twelve months of one climate variable on (a window of) a climate grid: {@code months[m]} holds
 * month {@code m} (0 = January) row-major over {@code grid}, in the variable's unit
 * ({@link ClimateVariable#unit()}), NaN where the file has no value.
 *
 * @param grid   the cells, north up, in the climate's CRS (Daymet's Lambert conformal conic in metres, or latitude/longitude)
 * @param months twelve arrays of {@code grid.cells()} values
 */
public record MonthlyGrid(RasterGrid grid, float[][] months) implements Serializable {
}
