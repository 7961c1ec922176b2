package org.eemt.geo.solar.model;

import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.geo.terrain.North;

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
     * The tile of {@code core} whose slope and aspect come from Horn's method on the window's
     * elevations ({@link HornSlopeAspect}, SCIENCE.md §1), as {@link #withSlopeAspectDegrees}.
     *
     * @param elevation the elevations (m, NaN = NoData) of {@code window}, row-major, in full precision
     */
    public static SolarTile withHornSlopeAspect(RasterGrid dem, double demMaxElevation, PixelWindow window, double[] elevation,
                                                PixelWindow core) {
        int n = Math.toIntExact(core.cells());
        float[] slope = new float[n];
        float[] aspect = new float[n];
        HornSlopeAspect.compute(elevation, window, core, dem.columns(), dem.rows(), new MetricCellSize(dem), slope, aspect, new float[n]);
        return withSlopeAspectDegrees(dem, demMaxElevation, window, elevation, core, slope, aspect);
    }

    /**
     * The tile of {@code core} with the given slope and aspect in degrees ({@link HornSlopeAspect}'s
     * output, e.g. the terrain stage's products), converted to radians; the arrays are not changed.
     *
     * @param elevation     the elevations (m, NaN = NoData) of {@code window}, row-major, in full precision
     * @param slopeDegrees  slope of {@code core}'s cells, row-major
     * @param aspectDegrees aspect of {@code core}'s cells (compass bearing of the downslope direction, NaN on flats)
     */
    public static SolarTile withSlopeAspectDegrees(RasterGrid dem, double demMaxElevation, PixelWindow window, double[] elevation,
                                                   PixelWindow core, float[] slopeDegrees, float[] aspectDegrees) {
        if (slopeDegrees.length != core.cells() || aspectDegrees.length != core.cells()) {
            throw new IllegalArgumentException("slope/aspect sizes do not match the core " + core);
        }
        int n = slopeDegrees.length;
        float[] slope = new float[n];
        float[] aspect = new float[n];
        for (int i = 0; i < n; i++) {
            slope[i] = (float) Math.toRadians(slopeDegrees[i]);
            aspect[i] = (float) Math.toRadians(aspectDegrees[i]);
        }
        float[] z = new float[elevation.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) elevation[i];
        }
        return new SolarTile(dem, demMaxElevation, window, z, core, slope, aspect);
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

    /**
     * The grid convergence the solar model turns its directions by under {@code north} (SCIENCE.md Eq. 2.30): the
     * DEM's, or null where it is taken as 0 ({@link North#GRID}, or a geographic DEM, whose grid north is true north).
     */
    public GridConvergence convergence(North north) {
        return north == North.GRID || dem.geographic() ? null : GridConvergence.of(dem);
    }

    /** Elevation (m) of DEM cell (column, row), which must lie in the window. */
    public float elevationAt(int column, int row) {
        return elevation[window.index(column, row)];
    }
}
