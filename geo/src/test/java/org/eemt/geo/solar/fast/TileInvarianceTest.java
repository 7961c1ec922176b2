package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tile invariance (DESIGN.md "Invariance"): the sample DEM computed as tiles of 64 x 64 cells gives
 * bit-identical daily results to the DEM computed as one tile (as a 512-cell tile would hold it), in
 * both shading modes, with a horizon distance that covers the DEM (the windows of small tiles then
 * reach across it) and with a short one (windows are proper halos). And pass invariance: the days of one pass over
 * the cells ({@link SolarTileModel#days}), whose samples known unlit or clear of the horizons on all of them are not
 * tested day by day, equal the days computed one by one, bit for bit: days far apart, and runs of consecutive days as
 * the solar stage passes them (the sun's path moves fastest at the equinoxes).
 */
class TileInvarianceTest {
    private static final int[] DAYS = {20, 172, 355};

    @ParameterizedTest
    @CsvSource({"RAY, 4000", "HORIZON, 4000", "RAY, 300", "HORIZON, 300"})
    void tilesOf64CellsEqualOneTileBitForBit(Shading shading, double horizonDistance) {
        RasterGrid grid;
        float[] z;
        try (GeoTiffReader r = GeoTiffReader.open(RsunCase.MCN.toString())) {
            grid = r.grid();
            z = r.read(grid.extent());
        }
        float[][] slopeAspect = TestTerrain.horn(grid, z);
        double demMax = TestTerrain.max(z);
        SolarParameters p = SolarParameters.defaults().withShading(shading).withHorizon(horizonDistance, 32);

        SolarTileModel whole = SolarTileModel.prepare(TestTerrain.tile(grid, z, slopeAspect, demMax, grid.extent(), p), p);
        List<SolarTileModel> tiles = new ArrayList<>();
        for (int y = 0; y < grid.rows(); y += 64) {
            for (int x = 0; x < grid.columns(); x += 64) {
                PixelWindow core = new PixelWindow(x, y, Math.min(64, grid.columns() - x), Math.min(64, grid.rows() - y));
                tiles.add(SolarTileModel.prepare(TestTerrain.tile(grid, z, slopeAspect, demMax, core, p), p));
            }
        }
        assertEquals(16, tiles.size());
        for (int day : DAYS) {
            DailyIrradiation expected = whole.day(day);
            float[] topo = new float[z.length];
            float[] flat = new float[z.length];
            float[] hours = new float[z.length];
            for (SolarTileModel tile : tiles) {
                DailyIrradiation d = tile.day(day);
                PixelWindow core = tile.tile().core();
                for (int r = 0; r < core.height(); r++) {
                    int to = (core.y0() + r) * grid.columns() + core.x0();
                    System.arraycopy(d.globalTopo(), r * core.width(), topo, to, core.width());
                    System.arraycopy(d.globalFlat(), r * core.width(), flat, to, core.width());
                    System.arraycopy(d.insolationHours(), r * core.width(), hours, to, core.width());
                }
            }
            assertArrayEquals(expected.globalTopo(), topo, "S_topo day " + day);
            assertArrayEquals(expected.globalFlat(), flat, "S_flat day " + day);
            assertArrayEquals(expected.insolationHours(), hours, "insolation day " + day);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "MCN, HORIZON, 1 20 79 172 266 355 365",
            "MCN, RAY, 1 20 79 172 266 355 365",
            "MCN, NONE, 1 20 79 172 266 355 365",
            "ZION, HORIZON, 1 20 79 172 266 355 365",
            "PERU, HORIZON, 1 20 79 172 266 355 365",
            "MCN, HORIZON, 76 77 78 79 80 81 82 83",
            "MCN, HORIZON, 350 351 352 353 354 355 356 357",
            "ZION, HORIZON, 260 261 262 263 264 265 266 267",
            "PERU, HORIZON, 168 169 170 171 172 173 174 175"})
    void daysOfOnePassEqualDaysOneByOneBitForBit(String dem, Shading shading, String daysOfYear) throws Exception {
        RasterGrid grid;
        float[] z;
        try (GeoTiffReader r = GeoTiffReader.open(RsunCase.class.getDeclaredField(dem).get(null).toString())) {
            grid = r.grid();
            z = r.read(grid.extent());
        }
        SolarParameters p = SolarParameters.defaults().withShading(shading).withHorizon(2000, 32);
        SolarTileModel model = SolarTileModel.prepare(TestTerrain.tile(grid, z, TestTerrain.horn(grid, z), TestTerrain.max(z),
                grid.extent(), p), p);
        int[] days = Arrays.stream(daysOfYear.split(" ")).mapToInt(Integer::parseInt).toArray();
        DailyIrradiation[] pass = model.days(days);
        assertEquals(days.length, pass.length);
        for (int k = 0; k < days.length; k++) {
            DailyIrradiation alone = model.day(days[k]);
            assertEquals(days[k], pass[k].dayOfYear());
            assertArrayEquals(alone.globalTopo(), pass[k].globalTopo(), "S_topo day " + days[k]);
            assertArrayEquals(alone.globalFlat(), pass[k].globalFlat(), "S_flat day " + days[k]);
            assertArrayEquals(alone.insolationHours(), pass[k].insolationHours(), "insolation day " + days[k]);
        }
    }
}
