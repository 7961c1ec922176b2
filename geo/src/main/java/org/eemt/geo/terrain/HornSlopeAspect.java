package org.eemt.geo.terrain;

import org.eemt.geo.raster.PixelWindow;

/**
 * Slope, aspect and northness of every cell from its 3x3 neighbourhood (SCIENCE.md §1).
 *
 * <p>Method: Horn (1981) finite differences on elevations in metres, with cell sizes in metres
 * per row ({@link MetricCellSize}). With neighbours a b c / d e f / g h i (a at north-west):
 * <pre>
 *   ∂z/∂x (east)  = ((c + 2f + i) − (a + 2d + g)) / (8·dx)
 *   ∂z/∂y (north) = ((a + 2b + c) − (g + 2h + i)) / (8·dy)
 *   slope β       = atan(√((∂z/∂x)² + (∂z/∂y)²))
 *   aspect a      = compass bearing of the downslope direction (−∂z/∂x, −∂z/∂y):
 *                   0 = north, clockwise, in [0, 360)
 *   northness n   = cos(a)·sin(β)        (Rasmussen et al. 2015)
 * </pre>
 * Units: slope and aspect in degrees, northness dimensionless in [−1, 1].
 *
 * <p>NoData rule: a cell with NoData in its 3x3 neighbourhood, or on the DEM's edge (a neighbour
 * outside the DEM), gets NoData (NaN) in all three outputs, as {@code r.slope.aspect} does. A flat
 * cell (β &lt; 1e-6 rad) has no aspect (NaN) and northness 0.
 */
public final class HornSlopeAspect {
    /** Slopes below this (radians) are flat: no aspect. */
    public static final double FLAT_SLOPE_RADIANS = 1e-6;

    private HornSlopeAspect() {
    }

    /**
     * Computes the three products for the cells of {@code core}.
     *
     * @param elevation  elevations (m) of the cells of {@code read}, row-major, NaN = NoData
     * @param read       the window {@code elevation} covers: {@code core} plus a halo of one cell
     *                   where the DEM has one (windows are clipped at the DEM's edge)
     * @param core       the cells to compute, inside {@code read}
     * @param demRows    the DEM's row count, to recognise its edges
     * @param demColumns the DEM's column count
     * @param sizes      metric cell sizes per DEM row
     * @param slopeDegrees, aspectDegrees, northness outputs, row-major over {@code core}
     */
    public static void compute(double[] elevation, PixelWindow read, PixelWindow core, int demColumns, int demRows,
                               MetricCellSize sizes, float[] slopeDegrees, float[] aspectDegrees, float[] northness) {
        int w = read.width();
        for (int r = 0; r < core.height(); r++) {
            int row = core.y0() + r;
            double dx8 = 8 * sizes.dx(row);
            double dy8 = 8 * sizes.dy(row);
            for (int c = 0; c < core.width(); c++) {
                int column = core.x0() + c;
                int out = r * core.width() + c;
                if (row == 0 || column == 0 || row == demRows - 1 || column == demColumns - 1) {
                    slopeDegrees[out] = aspectDegrees[out] = northness[out] = Float.NaN;
                    continue;
                }
                int i = read.index(column, row);
                double a = elevation[i - w - 1], b = elevation[i - w], cc = elevation[i - w + 1];
                double d = elevation[i - 1], e = elevation[i], f = elevation[i + 1];
                double g = elevation[i + w - 1], h = elevation[i + w], ii = elevation[i + w + 1];
                double east = ((cc + 2 * f + ii) - (a + 2 * d + g)) / dx8;
                double north = ((a + 2 * b + cc) - (g + 2 * h + ii)) / dy8;
                double beta = Math.atan(Math.sqrt(east * east + north * north));
                if (Double.isNaN(beta) || Double.isNaN(e)) {
                    slopeDegrees[out] = aspectDegrees[out] = northness[out] = Float.NaN;
                    continue;
                }
                slopeDegrees[out] = (float) Math.toDegrees(beta);
                if (beta < FLAT_SLOPE_RADIANS) {
                    aspectDegrees[out] = Float.NaN;
                    northness[out] = 0f;
                } else {
                    double aspect = Math.atan2(-east, -north);
                    if (aspect < 0) {
                        aspect += 2 * Math.PI;
                    }
                    float degrees = (float) Math.toDegrees(aspect);
                    aspectDegrees[out] = degrees >= 360f ? 0f : degrees;
                    northness[out] = (float) (Math.cos(aspect) * Math.sin(beta));
                }
            }
        }
    }

    /**
     * Northness referred to true north (SCIENCE.md §1): n = cos(a + γ)·sin β from {@link #compute}'s slope and aspect
     * (degrees, grid north) and each cell's grid convergence γ (radians, {@link GridConvergence}), written over
     * {@code northness}; flats keep 0 and NoData NaN.
     */
    public static void northnessInTrueNorth(float[] slopeDegrees, float[] aspectDegrees, double[] convergenceRadians, float[] northness) {
        for (int i = 0; i < northness.length; i++) {
            if (!Float.isNaN(aspectDegrees[i])) {
                northness[i] = (float) (Math.cos(Math.toRadians(aspectDegrees[i]) + convergenceRadians[i]) * Math.sin(Math.toRadians(slopeDegrees[i])));
            }
        }
    }
}
