package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.MonthlySolarSums;
import org.eemt.geo.solar.SolarTileRun;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.junit.jupiter.api.Test;

/**
 * Monthly sums do not depend on how the days are split into blocks (as the Spark stage splits them
 * when there are few tiles), nor on the order in which blocks are merged; they equal the sums of
 * the daily products; months without days are absent; NoData stays NaN.
 */
class MonthlySolarSumsTest {
    @Test
    void blocksOfDaysMergedInAnyOrderGiveTheSumsOfOnePass() {
        RasterGrid grid;
        float[] z;
        try (GeoTiffReader r = GeoTiffReader.open(RsunCase.MCN.toString())) {
            grid = r.grid();
            z = r.read(grid.extent());
        }
        SolarParameters p = SolarParameters.defaults().withShading(Shading.RAY).withHorizon(600, 32);
        PixelWindow core = new PixelWindow(100, 90, 40, 30);
        SolarTile tile = TestTerrain.tile(grid, z, TestTerrain.horn(grid, z), TestTerrain.max(z), core, p);
        SolarTileModel model = SolarTileModel.prepare(tile, p);
        int[] days = new int[40];
        for (int i = 0; i < days.length; i++) {
            days[i] = 1 + 9 * i;   // 1, 10, ..., 352: several days per month, blocks cut inside months
        }
        List<DailyIrradiation> daily = new ArrayList<>();
        MonthlySolarSums onePass = SolarTileRun.run(model, days, daily::add);

        int[][] blocks = {Arrays.copyOfRange(days, 0, 7), Arrays.copyOfRange(days, 7, 8), Arrays.copyOfRange(days, 8, 23),
                          Arrays.copyOfRange(days, 23, 40)};
        MonthlySolarSums merged = new MonthlySolarSums(Math.toIntExact(core.cells()));
        for (int b = blocks.length - 1; b >= 0; b--) {
            merged.add(SolarTileRun.run(model, blocks[b], null));
        }
        assertEquals(onePass, merged);
        for (int m = 0; m < 12; m++) {
            assertArrayEquals(onePass.topo(m), merged.topo(m));
            assertArrayEquals(onePass.flat(m), merged.flat(m));
            assertArrayEquals(onePass.meanInsolationHours(m), merged.meanInsolationHours(m));
        }

        // the monthly values are the sums (and mean) of the daily products
        int march = 2;
        double[] topo = new double[Math.toIntExact(core.cells())];
        double[] hours = new double[topo.length];
        int n = 0;
        for (DailyIrradiation d : daily) {
            if (Calendar365.monthOf(d.dayOfYear()) == march) {
                n++;
                for (int i = 0; i < topo.length; i++) {
                    topo[i] += d.globalTopo()[i];
                    hours[i] += d.insolationHours()[i];
                }
            }
        }
        assertEquals(n, onePass.days(march));
        for (int i = 0; i < topo.length; i++) {
            assertEquals(topo[i], onePass.topo(march)[i], 1e-6 * topo[i] + 1e-4);
            assertEquals(hours[i] / n, onePass.meanInsolationHours(march)[i], 1e-5);
            assertTrue(onePass.topo(march)[i] > 0);
        }
    }

    @Test
    void monthsWithoutDaysAreAbsentAndNoDataStaysNaN() {
        MonthlySolarSums sums = new MonthlySolarSums(2);
        sums.add(new DailyIrradiation(40, new float[] {1000, Float.NaN}, new float[] {1200, Float.NaN}, new float[] {9, Float.NaN}));
        sums.add(new DailyIrradiation(41, new float[] {1100, 5}, new float[] {1300, 6}, new float[] {10, 7}));
        assertNull(sums.topo(0));
        assertArrayEquals(new float[] {2100, Float.NaN}, sums.topo(1));
        assertArrayEquals(new float[] {2500, Float.NaN}, sums.flat(1));
        assertArrayEquals(new float[] {9.5f, Float.NaN}, sums.meanInsolationHours(1));
    }
}
