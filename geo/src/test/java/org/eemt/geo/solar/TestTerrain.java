package org.eemt.geo.solar;

import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * Test helpers: Horn (1981) slope and aspect of a projected DEM in the solar model's conventions
 * (radians; aspect a compass bearing of the downslope direction, NaN on flats; NaN on the DEM edge),
 * and tiles cut from a whole DEM.
 */
final class TestTerrain {
    private TestTerrain() {
    }

    /** {slope, aspect} of every cell of a projected DEM with square-metre cells of the grid's size. */
    static float[][] horn(RasterGrid grid, float[] z) {
        int w = grid.columns();
        int h = grid.rows();
        float[] slope = new float[z.length];
        float[] aspect = new float[z.length];
        java.util.Arrays.fill(slope, Float.NaN);
        java.util.Arrays.fill(aspect, Float.NaN);
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                double a = z[(r - 1) * w + c - 1], b = z[(r - 1) * w + c], cc = z[(r - 1) * w + c + 1];
                double d = z[r * w + c - 1], f = z[r * w + c + 1];
                double g = z[(r + 1) * w + c - 1], hh = z[(r + 1) * w + c], i = z[(r + 1) * w + c + 1];
                double dzdx = ((cc + 2 * f + i) - (a + 2 * d + g)) / (8 * grid.cellWidth());
                double dzdy = ((a + 2 * b + cc) - (g + 2 * hh + i)) / (8 * grid.cellHeight());
                double s = Math.atan(Math.hypot(dzdx, dzdy));
                slope[r * w + c] = (float) s;
                if (s > 1e-6) {
                    double compass = Math.atan2(-dzdx, -dzdy);
                    aspect[r * w + c] = (float) (compass < 0 ? compass + 2 * Math.PI : compass);
                }
            }
        }
        return new float[][] {slope, aspect};
    }

    /** The tile of {@code core} with the halo of {@code parameters}, cut from whole-DEM arrays. */
    static SolarTile tile(RasterGrid grid, float[] z, float[][] slopeAspect, double demMax, PixelWindow core, SolarParameters parameters) {
        int halo = MetricCellSize.of(grid).haloCells(parameters.horizonDistanceMetres());
        PixelWindow window = core.expandClipped(halo, grid.columns(), grid.rows());
        PixelWindow all = grid.extent();
        return new SolarTile(grid, demMax, window, all.crop(z, window), core,
                all.crop(slopeAspect[0], core), all.crop(slopeAspect[1], core));
    }

    static double max(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = v > max ? v : max;
        }
        return max;
    }
}
