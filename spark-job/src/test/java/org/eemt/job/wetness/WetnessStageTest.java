package org.eemt.job.wetness;

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
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.pipeline.EemtKryoRegistrator;
import org.eemt.job.stage.ProductCatalog;
import org.eemt.job.stage.StageContext;
import org.eemt.job.plan.TilePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wetness-index stage on Spark local[2] with Kryo registration required, on the sample DEM. */
class WetnessStageTest {
    private static final String SAMPLE = Path.of(System.getProperty("eemt.project.dir", ".."))
            .resolve("data/sample/mcn_10m.tif").toString();

    /**
     * Two tile sizes (4x4 tiles of 64 and 3x3 tiles of 100 cells) give the same products; with
     * {@code --wetness-index saga} the SCA and the SAGA Wetness Index are bit-identical.
     */
    @Test
    void productsDoNotDependOnTheTileSize(@TempDir Path dir) throws Exception {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("hydrology-test")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", EemtKryoRegistrator.class.getName())
                .set("spark.kryo.registrationRequired", "true")
                .set("spark.ui.enabled", "false");
        Map<Product, float[]> small;
        Map<Product, float[]> large;
        Map<Product, float[]> sagaSmall;
        Map<Product, float[]> sagaLarge;
        RasterGrid dem = GeoTiffReader.readGrid(SAMPLE);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            small = run(spark, dem, dir.resolve("t64"), 64, "standard");
            large = run(spark, dem, dir.resolve("t100"), 100, "standard");
            sagaSmall = run(spark, dem, dir.resolve("s64"), 64, "saga");
            sagaLarge = run(spark, dem, dir.resolve("s100"), 100, "saga");
        }
        for (Product p : List.of(ProductCatalog.SCA, ProductCatalog.TWI)) {
            float[] a = sagaSmall.get(p);
            float[] b = sagaLarge.get(p);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]), "saga " + p.path() + " at cell " + i);
            }
        }
        float[] standardTwi = small.get(ProductCatalog.TWI);
        float[] sagaTwi = sagaSmall.get(ProductCatalog.TWI);
        int differ = 0;
        for (int i = 0; i < standardTwi.length; i++) {
            differ += Float.floatToIntBits(standardTwi[i]) != Float.floatToIntBits(sagaTwi[i]) ? 1 : 0;
        }
        assertTrue(differ > 0.9 * standardTwi.length, "--wetness-index saga changed " + differ + " TWI cells");
        float[] filledA = small.get(ProductCatalog.FILLED);
        float[] filledB = large.get(ProductCatalog.FILLED);
        for (int i = 0; i < filledA.length; i++) {
            assertEquals(Float.floatToIntBits(filledA[i]), Float.floatToIntBits(filledB[i]), "filled DEM at cell " + i);
        }
        for (Product p : List.of(ProductCatalog.SCA, ProductCatalog.TWI, ProductCatalog.MCWI)) {
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
        for (float m : small.get(ProductCatalog.MCWI)) {
            if (!Float.isNaN(m)) {
                sum += m;
                count++;
            }
        }
        assertTrue(count > 0.9 * dem.cells(), "MCWI cells " + count);
        assertEquals(count, sum, 1e-5 * count, "MCWI sums to its cell count");
    }

    /**
     * {@code eemt run --products twi --wetness-index saga} makes the four wetness products and nothing
     * of the terrain stage, and the manifest records the index and its suction.
     */
    @Test
    void productsTwiComputesTheWetnessProductsAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        int code = EemtCli.execute("run", "--dem", SAMPLE, "--out", out.toString(), "--products", "twi",
                "--tile-size", "100", "--master", "local[2]", "--wetness-index", "saga", "--swi-suction", "8");
        assertEquals(0, code, "eemt run exit code");
        for (String name : List.of("twi", "mcwi", "sca", "filled")) {
            assertTrue(Files.isRegularFile(out.resolve("terrain/" + name + ".tif")), "terrain/" + name + ".tif");
        }
        assertFalse(Files.exists(out.resolve("terrain/slope.tif")), "the terrain stage did not run");
        com.fasterxml.jackson.databind.JsonNode parameters = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile()).path("parameters");
        assertEquals("saga", parameters.path("wetness-index").asText(), "manifest: " + parameters);
        assertEquals(8.0, Double.parseDouble(parameters.path("swi-suction").asText()), "manifest: " + parameters);
    }

    /** A wrong --wetness-index or --swi-suction stops the run with exit code 2 before anything is written. */
    @Test
    void badWetnessOptionsExitTwo(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"--wetness-index", "topmodel"}, {"--wetness-index", "saga", "--swi-suction", "0.5"}}) {
            Path out = dir.resolve("out" + bad.length);
            List<String> args = new java.util.ArrayList<>(List.of("run", "--dem", SAMPLE, "--out", out.toString(), "--products", "twi"));
            args.addAll(List.of(bad));
            assertEquals(2, EemtCli.execute(args.toArray(new String[0])), String.join(" ", bad));
            assertFalse(Files.exists(out.resolve("terrain/twi.tif")), "no product after " + String.join(" ", bad));
        }
    }

    private static Map<Product, float[]> run(JavaSparkContext spark, RasterGrid dem, Path out, int tileSize, String index)
            throws Exception {
        WetnessOptions wetness = new WetnessOptions();
        wetness.index = index;
        TilePlan plan = new TilePlan(dem, tileSize);
        ProductStore store = new ProductStore(out.toString(), dem, "test", 50_000_000L);
        WetnessStage stage = new WetnessStage(wetness.settings());
        List<Product> products = stage.writes();
        stage.run(new StageContext(spark, SAMPLE, 1, dem, plan, store,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Double.NaN), products);
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
