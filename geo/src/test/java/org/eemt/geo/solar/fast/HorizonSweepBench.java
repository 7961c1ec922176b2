package org.eemt.geo.solar.fast;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * Prints the CPU time of one tile's horizons (default parameters, one thread), the march alone against the march
 * for 16, 32 and 64 steps with {@link HorizonSweep} beyond, and how far the angles moved. A diagnosis, not a test:
 * <pre>
 *   java -cp geo/target/classes:geo/target/test-classes:$(cat cp.txt) org.eemt.geo.solar.fast.HorizonSweepBench \
 *       DEM.tif [core-x0 core-y0 [core-size]]
 * </pre>
 * (the core defaults to 512 x 512 cells at the DEM's centre).
 */
public final class HorizonSweepBench {
    private HorizonSweepBench() {
    }

    public static void main(String[] args) throws Exception {
        RasterGrid grid;
        float[] z;
        try (GeoTiffReader r = GeoTiffReader.open(args[0])) {
            grid = r.grid();
            z = r.read(grid.extent());
        }
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 512;
        int x0 = args.length > 2 ? Integer.parseInt(args[1]) : (grid.columns() - size) / 2;
        int y0 = args.length > 2 ? Integer.parseInt(args[2]) : (grid.rows() - size) / 2;
        PixelWindow core = new PixelWindow(x0, y0, Math.min(size, grid.columns() - x0), Math.min(size, grid.rows() - y0));
        SolarParameters p = SolarParameters.defaults();
        int halo = SolarTile.haloCells(grid, p.horizonDistanceMetres());
        PixelWindow window = core.expandClipped(halo, grid.columns(), grid.rows());
        float[] elevation = new float[Math.toIntExact(window.cells())];
        for (int r = 0; r < window.height(); r++) {
            System.arraycopy(z, grid.extent().index(window.x0(), window.y0() + r), elevation, r * window.width(), window.width());
        }
        float[] flat = new float[Math.toIntExact(core.cells())];
        SolarTile tile = new SolarTile(grid, TestTerrain.max(z), window, elevation, core, flat, flat);
        MetricCellSize cellSize = new MetricCellSize(grid);
        SunAzimuths sun = SunAzimuths.of(grid, tile.convergence(p.north()));
        System.out.printf(Locale.ROOT, "%s: %s cells %.2f m, core %s, halo %d, window %s%n", args[0],
                grid.columns() + "x" + grid.rows(), cellSize.dx(0), core, halo, window);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // one warm-up of each, then the measured runs
        float[] reference = null;
        double marchSeconds = 0;
        int[] nears = {Integer.MAX_VALUE, 16, 32, 64};
        for (int round = 0; round < 2; round++) {
            for (int near : nears) {
                long t0 = cpu.getCurrentThreadCpuTime();
                HorizonShadow shadow = HorizonShadow.compute(tile, cellSize, p.horizonDistanceMetres(), p.horizonAzimuths(),
                        sun, 1, near);
                double seconds = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
                float[] angles = angles(shadow, Math.toIntExact(core.cells()), p.horizonAzimuths());
                if (near == Integer.MAX_VALUE) {
                    reference = angles;
                    marchSeconds = seconds;
                }
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "  %-12s %6.2f CPU s  (march / this %.2f)  angles: mean |diff| %.2e rad, max %.2e rad%n",
                            near == Integer.MAX_VALUE ? "march" : "near " + near, seconds, marchSeconds / seconds,
                            meanDifference(angles, reference), maxDifference(angles, reference));
                }
            }
        }
    }

    private static float[] angles(HorizonShadow shadow, int cells, int azimuths) {
        float[] a = new float[cells * azimuths];
        for (int cell = 0; cell < cells; cell++) {
            for (int k = 0; k < azimuths; k++) {
                a[cell * azimuths + k] = (float) shadow.angle(cell, 2 * Math.PI * k / azimuths);
            }
        }
        return a;
    }

    private static double meanDifference(float[] a, float[] b) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isNaN(a[i]) && !Float.isNaN(b[i])) {
                sum += Math.abs(a[i] - b[i]);
                n++;
            }
        }
        return sum / n;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isNaN(a[i]) && !Float.isNaN(b[i])) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }
}
