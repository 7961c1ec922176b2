package org.eemt.job.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics a product's work tiles record while they are written (the sample DEM's cells,
 * some NoData, in 3 x 3 tiles): merged in the plan's order they equal, bit for bit, those of the
 * tiles read back (what the report's scan computed); a tile without them (an older version's work
 * tile, in a resumed run) is read instead; the manifest keeps them exactly.
 */
class ProductStoreStatisticsTest {
    private static final Product PRODUCT = new Product("terrain/test", "m", "DEM cells, every seventh NoData");

    @Test
    void tileStatisticsMergeToThoseOfThePublishedProduct(@TempDir Path dir) throws Exception {
        Path dem = TestData.sampleDem();
        RasterGrid grid = GeoTiffReader.readGrid(dem.toString());
        float[] elevation = Products.cells(dem);
        TilePlan plan = new TilePlan(grid, 100);
        ProductStore store = new ProductStore(dir.toString(), grid, "test", Long.MAX_VALUE);
        CellStatistics readBack = CellStatistics.EMPTY;
        for (TileKey key : plan.keys()) {
            PixelWindow core = plan.core(key);
            float[] cells = new float[core.width() * core.height()];
            for (int r = 0; r < core.height(); r++) {
                for (int c = 0; c < core.width(); c++) {
                    int i = (core.y0() + r) * grid.columns() + core.x0() + c;
                    cells[r * core.width() + c] = i % 7 == 0 ? Float.NaN : elevation[i];
                }
            }
            store.writeTile(PRODUCT, key, core, cells);
            readBack = readBack.merge(CellStatistics.of(cells));
        }
        assertEquals(9, plan.tileCount());
        assertEquals(readBack, store.statistics(PRODUCT, plan), "recorded while writing = read back, bit for bit");

        // a work tile without its statistics (an older version's, resumed) is read
        try (Stream<Path> files = Files.walk(dir)) {
            Path sidecar = files.filter(f -> f.getFileName().toString().endsWith(".statistics")).sorted().findFirst().orElseThrow();
            Files.delete(sidecar);
        }
        CellStatistics recorded = store.statistics(PRODUCT, plan);
        assertEquals(readBack, recorded);

        String location = store.publish(PRODUCT, plan);
        CellStatistics whole = CellStatistics.of(Products.cells(Path.of(location)));
        assertEquals(whole.count(), recorded.count());
        assertEquals(whole.min(), recorded.min());
        assertEquals(whole.max(), recorded.max());
        assertEquals(whole.mean(), recorded.mean(), 1e-12 * Math.abs(whole.mean()));
        assertEquals(whole.sd(), recorded.sd(), 1e-9 * whole.sd());
        assertTrue(recorded.count() > 40_000 && recorded.count() < 48_016, "NoData left out: " + recorded.count());

        Manifest manifest = Manifest.start(dir.toString(), "test", false);
        manifest.recordProduct(PRODUCT, "test", location, recorded);
        manifest.recordProduct(new Product("terrain/empty", "m", "no valid cell"), "test", location, CellStatistics.EMPTY);
        JsonNode products = new ObjectMapper().readTree(dir.resolve(Manifest.FILE).toFile()).path("products");
        assertEquals(recorded, Manifest.statistics(products.path(PRODUCT.path())), "the manifest keeps every bit");
        assertEquals(recorded.sd(), products.at("/terrain~1test/statistics/sd").asDouble());
        assertEquals(CellStatistics.EMPTY, Manifest.statistics(products.path("terrain/empty")));
        assertEquals(null, Manifest.statistics(new ObjectMapper().createObjectNode()), "an older manifest has none");
    }
}
