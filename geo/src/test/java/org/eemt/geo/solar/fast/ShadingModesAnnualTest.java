package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.ErrorStatistics;
import org.eemt.geo.solar.MonthlySolarSums;
import org.eemt.geo.solar.SolarTileRun;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarTile;
import org.junit.jupiter.api.Test;

/**
 * Annual S_topo of the two shading modes, and of the default ({@code horizon}) mode against r.sun's
 * daily mode, on the sample DEM (acceptance of issue 3):
 * <ul>
 *   <li>{@code horizon} against {@code ray}: annual S_topo within 1 % mean absolute and 4 % at the 95th
 *       percentile per cell. To keep CI short the test sums every third day (122 days, all seasons);
 *       the whole year, measured once, is in docs/performance.md (0.090 % / 0.34 %);</li>
 *   <li>against GRASS r.sun's daily mode (what the EEMT workflow produced), every fifth day: the sum
 *       over those days within 1.5 % mean absolute per cell. r.sun's daily mode shades less than its
 *       own instantaneous mode (SCIENCE.md §2), so the Java model is expected to be lower in winter.</li>
 * </ul>
 * Monthly figures are printed for docs/performance.md.
 */
class ShadingModesAnnualTest {
    private static int[] days(int from, int every) {
        int[] d = new int[(365 - from) / every + 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = from + i * every;
        }
        return d;
    }

    private static float[] annual(MonthlySolarSums sums) {
        float[] total = new float[sums.cells()];
        for (int m = 0; m < 12; m++) {
            float[] month = sums.topo(m);
            for (int i = 0; i < total.length; i++) {
                total[i] += month[i];
            }
        }
        return total;
    }

    @Test
    void horizonModeAgreesWithRayModeOverTheYear() {
        RsunCase dem = new RsunCase(RsunCase.MCN);
        SolarTile tile = TestTerrain.tile(dem.grid, dem.elevation, TestTerrain.horn(dem.grid, dem.elevation),
                TestTerrain.max(dem.elevation), dem.grid.extent(), RsunCase.parameters(Shading.RAY));
        int[] year = days(1, 3);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        MonthlySolarSums ray = SolarTileRun.run(tile, RsunCase.parameters(Shading.RAY), year, null);
        long t1 = cpu.getCurrentThreadCpuTime();
        MonthlySolarSums horizon = SolarTileRun.run(tile, RsunCase.parameters(Shading.HORIZON), year, null);
        long t2 = cpu.getCurrentThreadCpuTime();
        System.out.printf("every third day, %d cells, CPU time: ray %.1f s, horizon %.1f s%n", tile.core().cells(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        for (int m = 0; m < 12; m++) {
            System.out.printf("  %s horizon vs ray: %s%n", Calendar365.monthName(m), ErrorStatistics.of(horizon.topo(m), ray.topo(m), 1));
        }
        ErrorStatistics annual = ErrorStatistics.of(annual(horizon), annual(ray), 1);
        System.out.println("  annual horizon vs ray: " + annual);
        assertTrue(annual.meanAbsoluteRelative() <= 0.01, annual.toString());
        assertTrue(annual.p95Relative() <= 0.04, annual.toString());
    }

    @Test
    void defaultModeAgreesWithRsunDailyModeOnEveryFifthDay() throws Exception {
        GrassOracle.requireGrass();
        RsunReference reference = new RsunReference(new RsunCase(RsunCase.MCN));
        int[] days = days(1, 5);
        Path out = reference.dailyMode(days);
        SolarTile tile = reference.tile();
        MonthlySolarSums java = SolarTileRun.run(tile, RsunCase.parameters(Shading.HORIZON), days, null);
        MonthlySolarSums grass = new MonthlySolarSums(java.cells());
        for (int d : days) {
            float[] g = GrassOracle.read(out.resolve("d" + d + ".tif"));
            grass.add(new DailyIrradiation(d, g, g, g));
        }
        for (int m = 0; m < 12; m++) {
            System.out.printf("  %s java horizon vs r.sun daily mode: %s%n", Calendar365.monthName(m),
                    ErrorStatistics.of(java.topo(m), grass.topo(m), 1));
        }
        ErrorStatistics annual = ErrorStatistics.of(annual(java), annual(grass), 1);
        System.out.println("  every fifth day, java horizon vs r.sun daily mode: " + annual);
        assertTrue(annual.meanAbsoluteRelative() <= 0.015, annual.toString());
    }
}
