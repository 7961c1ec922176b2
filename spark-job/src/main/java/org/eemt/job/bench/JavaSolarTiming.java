package org.eemt.job.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.eemt.geo.solar.SolarTileRun;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.solar.fast.SolarTileModel;

/**
 * The Java solar engine on one tile in this thread, timed by the thread's CPU time
 * ({@link ThreadMXBean}): {@link SolarTileModel#prepare} (latitudes, per-cell constants, horizons)
 * as setup, then days in as many calls of {@link #run} as the bench has rounds (S_topo, S_flat and
 * insolation in one pass).
 */
final class JavaSolarTiming {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String engine;
    private final SolarTileModel model;
    private final double setupCpuSeconds;
    private final DaySums sums;
    private long dayCpuNanos;
    private long wallNanos;
    private int days;

    private JavaSolarTiming(String engine, SolarTile tile, SolarParameters parameters) {
        this.engine = engine;
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        model = SolarTileModel.prepare(tile, parameters);
        setupCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        wallNanos = System.nanoTime() - wall0;
        sums = new DaySums(Math.toIntExact(tile.core().cells()));
    }

    /** The engine's setup, timed. */
    static JavaSolarTiming prepare(String engine, SolarTile tile, SolarParameters parameters) {
        return new JavaSolarTiming(engine, tile, parameters);
    }

    /**
     * Runs {@code days} and sums the results over those also in {@code comparedDays} (both ascending); returns their CPU
     * seconds per day.
     */
    double run(int[] daysToRun, int[] comparedDays) {
        long before = dayCpuNanos;
        long w = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        long[] comparing = new long[2];
        // as the solar stage runs them (days in passes, summed by month); the time spent adding up the compared days is not counted
        SolarTileRun.run(model, daysToRun, day -> {
            if (Arrays.binarySearch(comparedDays, day.dayOfYear()) >= 0) {
                long w0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                sums.add(day.globalTopo(), day.globalFlat(), day.insolationHours());
                comparing[0] += threads.getCurrentThreadCpuTime() - c0;
                comparing[1] += System.nanoTime() - w0;
            }
        });
        dayCpuNanos += threads.getCurrentThreadCpuTime() - c - comparing[0];
        wallNanos += System.nanoTime() - w - comparing[1];
        days += daysToRun.length;
        return (dayCpuNanos - before) / 1e9 / daysToRun.length;
    }

    String engine() {
        return engine;
    }

    EngineRun result() {
        return sums.result(engine, setupCpuSeconds, dayCpuNanos / 1e9, wallNanos / 1e9, days);
    }
}
