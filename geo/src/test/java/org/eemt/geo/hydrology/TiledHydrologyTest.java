package org.eemt.geo.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.eemt.geo.terrain.MetricCellSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.eemt.geo.raster.TileGrid;

/**
 * The tiled fill and accumulation give the one-tile result for 4x4 and 7x5 tile grids (filled DEM
 * bit-identical, SCA within 1e-6 relative; the SAGA index's SCA and SWI bit-identical), conserve area (cell areas from the metric cell sizes
 * per row, so the lat/lon DEM checks them too), and the MCWI sums to the cell count.
 */
class TiledHydrologyTest {

    static Stream<Arguments> dems() {
        return Stream.of(
                Arguments.of("sample DEM mcn_10m", Dems.read(Dems.sampleDem())),
                Arguments.of("geographic Zion SRTM (lat/lon)", Dems.read(Dems.zionDem())),
                Arguments.of("depression spanning tiles", new Dems.Dem(Dems.grid10m(120, 100), Dems.depression(120, 100))),
                Arguments.of("flat across tile borders", new Dems.Dem(Dems.grid10m(120, 100), Dems.flat(120, 100))),
                Arguments.of("river across many tiles", new Dems.Dem(Dems.grid10m(120, 100), Dems.river(120, 100))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dems")
    void sameResultForAnyTiling(String name, Dems.Dem dem) {
        int columns = dem.grid().columns();
        int rows = dem.grid().rows();
        InMemoryTiles.Result one = InMemoryTiles.run(dem.grid(), dem.z(), columns, rows);
        assertEquals(1, one.fillRounds(), "one tile needs one fill round");
        for (int[] tiles : new int[][] {{4, 4}, {7, 5}}) {
            int tw = (columns + tiles[0] - 1) / tiles[0];
            int th = (rows + tiles[1] - 1) / tiles[1];
            TileGrid grid = new TileGrid(columns, rows, tw, th);
            assertEquals(tiles[0], grid.tileColumns());
            assertEquals(tiles[1], grid.tileRows());
            InMemoryTiles.Result many = InMemoryTiles.run(dem.grid(), dem.z(), tw, th);
            System.out.printf("%s, %dx%d tiles: %d fill rounds, %d flow rounds, %d tile tasks%n",
                    name, tiles[0], tiles[1], many.fillRounds(), many.flowRounds(), many.tasks());
            double worst = 0;
            for (int i = 0; i < dem.z().length; i++) {
                assertEquals(Float.floatToIntBits(one.filled()[i]), Float.floatToIntBits(many.filled()[i]),
                        name + ": filled cell " + i + " differs with " + tiles[0] + "x" + tiles[1] + " tiles");
                float a = one.sca()[i];
                float b = many.sca()[i];
                if (Float.isNaN(a) || Float.isNaN(b)) {
                    assertEquals(Float.isNaN(a), Float.isNaN(b), name + ": SCA NoData differs at " + i);
                    continue;
                }
                worst = Math.max(worst, Math.abs(a - b) / a);
            }
            System.out.printf("%s, %dx%d tiles: largest relative SCA difference %.3g%n", name, tiles[0], tiles[1], worst);
            assertTrue(worst <= 1e-6, name + ": SCA differs by " + worst + " relative");
        }
    }

    /** The SAGA index: SCA (multiple flow directions) and SWI bit-identical for any tiling. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dems")
    void sagaIndexBitIdenticalForAnyTiling(String name, Dems.Dem dem) {
        WetnessSettings saga = new WetnessSettings(WetnessSettings.Kind.SAGA, 10);
        int columns = dem.grid().columns();
        int rows = dem.grid().rows();
        InMemoryTiles.Result one = InMemoryTiles.run(dem.grid(), dem.z(), columns, rows, saga);
        for (int[] tile : new int[][] {{30, 25}, {17, 23}, {64, 64}}) {
            InMemoryTiles.Result many = InMemoryTiles.run(dem.grid(), dem.z(), tile[0], tile[1], saga);
            System.out.printf("SAGA index, %s, %dx%d-cell tiles: %d fill, %d flow, %d modification rounds%n",
                    name, tile[0], tile[1], many.fillRounds(), many.flowRounds(), many.modifyRounds());
            for (int i = 0; i < dem.z().length; i++) {
                assertEquals(Float.floatToIntBits(one.sca()[i]), Float.floatToIntBits(many.sca()[i]),
                        name + ": SCA of cell " + i + " differs with " + tile[0] + "x" + tile[1] + "-cell tiles");
                assertEquals(Float.floatToIntBits(one.twi()[i]), Float.floatToIntBits(many.twi()[i]),
                        name + ": SWI of cell " + i + " differs with " + tile[0] + "x" + tile[1] + "-cell tiles");
            }
            assertTrue(many.modifyRounds() > 1, name + ": the modified catchment area crossed no tile border");
        }
        double validArea = 0;
        MetricCellSize sizes = new MetricCellSize(dem.grid());
        for (int i = 0; i < dem.z().length; i++) {
            validArea += Float.isNaN(dem.z()[i]) ? 0 : sizes.dx(i / columns) * sizes.dy(i / columns);
        }
        System.out.printf("SAGA index, %s: valid area %.6e m2, leaving at outlets and pits %.6e m2%n", name, validArea, one.leavingArea());
        // splits are stored as float32, so each one conserves area to about 1e-7
        assertEquals(validArea, one.leavingArea(), 1e-6 * validArea, name + ": multiple-flow-direction area leaving the DEM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dems")
    void conservesAreaAndMcwiSumsToCellCount(String name, Dems.Dem dem) {
        InMemoryTiles.Result r = InMemoryTiles.run(dem.grid(), dem.z(), 40, 30);
        double validArea = 0;
        double outletSum = 0;
        MetricCellSize sizes = new MetricCellSize(dem.grid());
        float[] f = r.filled();
        int columns = dem.grid().columns();
        int rows = dem.grid().rows();
        for (int i = 0; i < f.length; i++) {
            if (Float.isNaN(dem.z()[i])) {
                continue;
            }
            double cellArea = sizes.dx(i / columns) * sizes.dy(i / columns);
            validArea += cellArea;
            if (isOutlet(f, columns, rows, i)) {
                outletSum += r.sca()[i] * Math.sqrt(cellArea);
            }
        }
        System.out.printf("%s: valid area %.6e m2, leaving %.6e m2, SCA x width at outlets %.6e m2%n",
                name, validArea, r.leavingArea(), outletSum);
        assertEquals(validArea, r.leavingArea(), 1e-9 * validArea, name + ": area leaving the DEM");
        assertEquals(validArea, outletSum, 1e-6 * validArea, name + ": SCA x width summed at outlets");
        double mcwiSum = 0;
        for (float m : r.mcwi()) {
            if (!Float.isNaN(m)) {
                mcwiSum += m;
            }
        }
        assertEquals(r.twiCells(), mcwiSum, 1e-5 * r.twiCells(), name + ": MCWI sum");
    }

    /** A cell with no strictly lower valid neighbour in the filled DEM: its flow leaves the DEM. */
    private static boolean isOutlet(float[] f, int columns, int rows, int i) {
        int x = i % columns;
        int y = i / columns;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < columns && yy < rows) {
                    float v = f[yy * columns + xx];
                    if (v < f[i]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
