package org.eemt.job.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.cli.RunOptions;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.pipeline.EemtKryoRegistrator;
import org.eemt.job.pipeline.StageContext;
import org.eemt.job.plan.TilePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wetness-index stage on Spark local[2] with Kryo registration required, on the sample DEM. */
class HydrologyStageTest {
    private static final String SAMPLE = Path.of(System.getProperty("eemt.project.dir", ".."))
            .resolve("data/sample/mcn_10m.tif").toString();

    /** Two tile sizes (4x4 tiles of 64 and 3x3 tiles of 100 cells) give the same products. */
    @Test
    void productsDoNotDependOnTheTileSize(@TempDir Path dir) throws Exception {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("hydrology-test")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", EemtKryoRegistrator.class.getName())
                .set("spark.kryo.registrationRequired", "true")
                .set("spark.ui.enabled", "false");
        Map<Product, float[]> small;
        Map<Product, float[]> large;
        RasterGrid dem = GeoTiffReader.readGrid(SAMPLE);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            small = run(spark, dem, dir.resolve("t64"), 64);
            large = run(spark, dem, dir.resolve("t100"), 100);
        }
        float[] filledA = small.get(HydrologyStage.FILLED);
        float[] filledB = large.get(HydrologyStage.FILLED);
        for (int i = 0; i < filledA.length; i++) {
            assertEquals(Float.floatToIntBits(filledA[i]), Float.floatToIntBits(filledB[i]), "filled DEM at cell " + i);
        }
        for (Product p : List.of(HydrologyStage.SCA, HydrologyStage.TWI, HydrologyStage.MCWI)) {
            float[] a = small.get(p);
            float[] b = large.get(p);
            for (int i = 0; i < a.length; i++) {
                if (Float.isNaN(a[i]) || Float.isNaN(b[i])) {
                    assertEquals(Float.isNaN(a[i]), Float.isNaN(b[i]), p.path() + " NoData at cell " + i);
                } else {
                    assertEquals(a[i], b[i], 1e-6 * Math.abs(a[i]), p.path() + " at cell " + i);
                }
            }
        }
        double sum = 0;
        long count = 0;
        for (float m : small.get(HydrologyStage.MCWI)) {
            if (!Float.isNaN(m)) {
                sum += m;
                count++;
            }
        }
        assertTrue(count > 0.9 * dem.cells(), "MCWI cells " + count);
        assertEquals(count, sum, 1e-5 * count, "MCWI sums to its cell count");
    }

    /** {@code eemt run --products twi} makes the four wetness products and nothing of the terrain stage. */
    @Test
    void productsTwiComputesTheWetnessProductsAlone(@TempDir Path dir) {
        Path out = dir.resolve("out");
        int code = EemtCli.execute("run", "--dem", SAMPLE, "--out", out.toString(), "--products", "twi",
                "--tile-size", "100", "--master", "local[2]");
        assertEquals(0, code, "eemt run exit code");
        for (String name : List.of("twi", "mcwi", "sca", "filled")) {
            assertTrue(Files.isRegularFile(out.resolve("terrain/" + name + ".tif")), "terrain/" + name + ".tif");
        }
        assertFalse(Files.exists(out.resolve("terrain/slope.tif")), "the terrain stage did not run");
    }

    private static Map<Product, float[]> run(JavaSparkContext spark, RasterGrid dem, Path out, int tileSize) throws Exception {
        RunOptions options = new RunOptions();
        options.dem = SAMPLE;
        options.out = out.toString();
        options.tileSize = tileSize;
        options.products = List.of("twi");
        options.mosaicMaxCells = 50_000_000L;
        TilePlan plan = new TilePlan(dem, tileSize);
        ProductStore store = new ProductStore(options.out, dem, "test", options.mosaicMaxCells);
        HydrologyStage stage = new HydrologyStage();
        List<Product> products = stage.products(options);
        stage.run(new StageContext(spark, options, SAMPLE, dem, plan, store,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()), products);
        Map<Product, float[]> cells = new HashMap<>();
        for (Product p : products) {
            String location = store.publish(p, plan);
            try (GeoTiffReader r = GeoTiffReader.open(location)) {
                cells.put(p, r.read(dem.extent()));
            }
        }
        return cells;
    }
}
