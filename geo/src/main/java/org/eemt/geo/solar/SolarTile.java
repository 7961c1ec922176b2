package org.eemt.geo.solar;

import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * The input of the solar model for one tile: the DEM's grid, the elevations (m, NaN = NoData) of a
 * window of it (the tile's core plus a halo that covers the horizon search distance, clipped to the
 * DEM), the slope and aspect of the core cells, and the highest elevation of the whole DEM (m; a
 * ray above it cannot be shaded, and using the DEM's value rather than the window's keeps results
 * independent of the tiling).
 *
 * <p>Slope β in radians from the horizontal. Aspect: compass bearing of the downslope direction in
 * radians (0 = north, clockwise, so π/2 = east-facing); NaN on flats, which are treated as
 * horizontal. Arrays are row-major; {@code elevation} over {@code window}, slope and aspect over
 * {@code core}, both windows in the DEM's pixel coordinates.
 */
public record SolarTile(RasterGrid dem, double demMaxElevation, PixelWindow window, float[] elevation, PixelWindow core,
                        float[] slopeRadians, float[] aspectRadians) {

    public SolarTile {
        if (Double.isNaN(demMaxElevation)) {
            throw new IllegalArgumentException("DEM maximum elevation missing");
        }
        if (elevation.length != window.cells() || slopeRadians.length != core.cells() || aspectRadians.length != core.cells()) {
            throw new IllegalArgumentException("array sizes do not match the windows " + window + " / " + core);
        }
        if (core.x0() < window.x0() || core.y0() < window.y0() || core.x0() + core.width() > window.x0() + window.width()
                || core.y0() + core.height() > window.y0() + window.height()) {
            throw new IllegalArgumentException("core " + core + " outside window " + window);
        }
        if (window.x0() < 0 || window.y0() < 0 || window.x0() + window.width() > dem.columns()
                || window.y0() + window.height() > dem.rows()) {
            throw new IllegalArgumentException("window " + window + " outside the DEM " + dem.describe());
        }
    }

    /**
     * Reads the window of {@code core} grown by the halo that {@code horizonDistanceMetres} needs
     * ({@link #haloCells}) from an open DEM; slope and aspect of the core come from the caller.
     */
    public static SolarTile read(GeoTiffReader dem, double demMaxElevation, PixelWindow core, double horizonDistanceMetres,
                                 float[] slopeRadians, float[] aspectRadians) {
        RasterGrid grid = dem.grid();
        int halo = haloCells(grid, horizonDistanceMetres);
        PixelWindow window = core.expandClipped(halo, grid.columns(), grid.rows());
        return new SolarTile(grid, demMaxElevation, window, dem.read(window), core, slopeRadians, aspectRadians);
    }

    /**
     * Cells of halo a tile of {@code dem} needs so that every cell within {@code distanceMetres} of a core
     * cell (and the nearest centre of any ray step within it) is in its window.
     */
    public static int haloCells(RasterGrid dem, double distanceMetres) {
        MetricCellSize sizes = new MetricCellSize(dem);
        double smallest = Double.POSITIVE_INFINITY;
        for (int row = 0; row < dem.rows(); row++) {
            smallest = Math.min(smallest, Math.min(sizes.dx(row), sizes.dy(row)));
            if (!dem.geographic()) {
                break;
            }
        }
        return (int) Math.ceil(distanceMetres / smallest) + 1;
    }

    /** Elevation (m) of DEM cell (column, row), which must lie in the window. */
    float elevationAt(int column, int row) {
        return elevation[window.index(column, row)];
    }

    /** The highest elevation (m) of a whole DEM, read in strips of rows ({@code -∞} when it has no data). */
    public static double maxElevation(GeoTiffReader dem) {
        RasterGrid grid = dem.grid();
        int rowsPerRead = Math.max(1, (int) Math.min(grid.rows(), (1 << 22) / Math.max(1, grid.columns())));
        double max = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < grid.rows(); y += rowsPerRead) {
            for (float z : dem.read(new PixelWindow(0, y, grid.columns(), Math.min(rowsPerRead, grid.rows() - y)))) {
                if (z > max) {
                    max = z;
                }
            }
        }
        return max;
    }
}
