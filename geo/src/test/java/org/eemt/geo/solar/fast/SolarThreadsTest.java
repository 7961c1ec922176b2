package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eemt.geo.SpareCores;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.SolarEngine;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Java engine on several threads (the horizons' rows shared among them, the passes of days
 * computed side by side, the daily results handed over from every thread), or on one with helpers on
 * lent cores, gives the bit-identical monthly sums and daily arrays of one thread.
 */
class SolarThreadsTest {
    @TempDir
    Path scratch;

    @ParameterizedTest
    @EnumSource(value = Shading.class, names = {"HORIZON", "RAY"})
    void threadsGiveTheResultsOfOneThread(Shading shading) throws Exception {
        RasterGrid grid;
        double[] z;
        try (GeoTiffReader r = GeoTiffReader.open(RsunCase.MCN.toString())) {
            grid = r.grid();
            z = r.readDoubles(grid.extent());
        }
        SolarParameters p = SolarParameters.defaults().withShading(shading).withHorizon(800, 64);
        PixelWindow window = grid.extent();
        PixelWindow core = new PixelWindow(60, 50, 57, 43);
        int n = Math.toIntExact(core.cells());
        float[] slope = new float[n];
        float[] aspect = new float[n];
        HornSlopeAspect.compute(z, window, core, grid.columns(), grid.rows(), new MetricCellSize(grid), slope, aspect, new float[n]);
        double demMax = 0;
        for (double v : z) {
            demMax = Double.isNaN(v) ? demMax : Math.max(demMax, v);
        }
        int[] days = {1, 20, 45, 80, 121, 172, 200, 230, 266, 300, 330, 355, 364};
        SolarEngine engine = SolarEngine.inJava();
        Map<Integer, DailyIrradiation> oneThread = new ConcurrentHashMap<>();
        Map<Integer, DailyIrradiation> threeThreads = new ConcurrentHashMap<>();
        Map<Integer, DailyIrradiation> helped = new ConcurrentHashMap<>();
        SolarEngine.Result one = engine.run(grid, demMax, window, z, core, slope, aspect, p, days, 1, SpareCores.NONE, scratch,
                d -> oneThread.put(d.dayOfYear(), d));
        SolarEngine.Result three = engine.run(grid, demMax, window, z, core, slope, aspect, p, days, 3, SpareCores.NONE, scratch,
                d -> threeThreads.put(d.dayOfYear(), d));
        LendingCores lent = new LendingCores();
        SolarEngine.Result withHelpers = engine.run(grid, demMax, window, z, core, slope, aspect, p, days, 1, lent, scratch,
                d -> helped.put(d.dayOfYear(), d));

        assertEquals(one.sums(), three.sums());
        assertEquals(one.sums(), withHelpers.sums());
        assertEquals(days.length, helped.size());
        assertEquals(0, lent.taken.get(), "every lent core given back");
        for (int m = 0; m < 12; m++) {
            assertArrayEquals(one.sums().topo(m), three.sums().topo(m));
            assertArrayEquals(one.sums().meanInsolationHours(m), three.sums().meanInsolationHours(m));
        }
        assertEquals(oneThread.keySet(), threeThreads.keySet());
        assertEquals(days.length, threeThreads.size());
        for (int d : days) {
            assertArrayEquals(oneThread.get(d).globalTopo(), threeThreads.get(d).globalTopo(), "day " + d);
            assertArrayEquals(oneThread.get(d).globalFlat(), threeThreads.get(d).globalFlat(), "day " + d);
            assertArrayEquals(oneThread.get(d).insolationHours(), threeThreads.get(d).insolationHours(), "day " + d);
            assertArrayEquals(oneThread.get(d).globalTopo(), helped.get(d).globalTopo(), "day " + d);
        }
    }

    /** Lends up to two cores at a time and counts those not given back. */
    private static final class LendingCores implements SpareCores {
        final AtomicInteger taken = new AtomicInteger();

        @Override
        public boolean take() {
            return taken.incrementAndGet() <= 2 || taken.decrementAndGet() < 0;
        }

        @Override
        public boolean overbooked() {
            return false;
        }

        @Override
        public void release() {
            taken.decrementAndGet();
        }
    }
}
