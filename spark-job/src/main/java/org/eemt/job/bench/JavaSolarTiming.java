package org.eemt.job.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.eemt.geo.solar.DailyIrradiation;
import org.eemt.geo.solar.SolarParameters;
import org.eemt.geo.solar.SolarTile;
import org.eemt.geo.solar.SolarTileModel;

/**
 * The Java solar engine on one tile in this thread, timed by the thread's CPU time
 * ({@link ThreadMXBean}): {@link SolarTileModel#prepare} (latitudes, per-cell constants, horizons)
 * as setup, then every day (S_topo, S_flat and insolation in one pass).
 */
final class JavaSolarTiming {
    private JavaSolarTiming() {
    }

    /** Runs {@code days} and sums the results over those also in {@code comparedDays} (both ascending). */
    static EngineRun run(String engine, SolarTile tile, SolarParameters parameters, int[] days, int[] comparedDays) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        SolarTileModel model = SolarTileModel.prepare(tile, parameters);
        long setup = threads.getCurrentThreadCpuTime() - cpu0;
        DaySums sums = new DaySums(Math.toIntExact(tile.core().cells()));
        long dayCpu = 0;
        long wall = System.nanoTime() - wall0;
        for (int d : days) {
            long w = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            DailyIrradiation day = model.day(d);
            dayCpu += threads.getCurrentThreadCpuTime() - c;
            wall += System.nanoTime() - w;
            if (Arrays.binarySearch(comparedDays, d) >= 0) {
                sums.add(day.globalTopo(), day.globalFlat(), day.insolationHours());
            }
        }
        return sums.result(engine, setup / 1e9, dayCpu / 1e9, wall / 1e9, days.length);
    }
}
