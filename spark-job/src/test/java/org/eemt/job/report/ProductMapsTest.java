package org.eemt.job.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.Eemt;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quicklooks read from the products' overviews are the block means that a scan of the products' cells gives, on a DEM
 * that GDAL resampled to more cells than a quicklook has pixels; products published as tiles have no overview to read.
 */
class ProductMapsTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path dem;

    @BeforeAll
    static void start() throws Exception {
        ExternalTool.require("gdal_translate");
        dem = tmp.resolve("dem-700x650.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-r", "bilinear", "-outsize", "700", "650", "-co", "TILED=YES",
                TestData.sampleDem().toString(), dem.toString()));
        spark = SparkSession.builder().master("local[2]").appName("ProductMapsTest")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", "org.eemt.job.pipeline.EemtKryoRegistrator").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void overviewsGiveTheBlockMeansOfTheCells() throws Exception {
        Path out = tmp.resolve("cog");
        Eemt.run(spark, "--dem", dem.toString(), "--out", out.toString(), "--products", "terrain", "--tile-size", "256");
        RunOutputs outputs = RunOutputs.open(out.toString());
        assertEquals(2, ProductMaps.blockSize(outputs.grid()), "700 columns in at most 600 pixels");
        List<Product> products = outputs.products();
        Map<String, Quicklook> fromOverviews = ProductMaps.fromOverviews(outputs, products, 2);
        Map<String, Quicklook> scanned = ProductMaps.assemble(ProductScan.scan(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                outputs, products, products, 2), outputs.grid(), 2);
        assertEquals(scanned.keySet(), fromOverviews.keySet());
        for (Product p : products) {
            Quicklook a = fromOverviews.get(p.path());
            Quicklook b = scanned.get(p.path());
            assertEquals(350, a.width(), p.path());
            assertEquals(325, a.height(), p.path());
            double[] expected = b.values();
            double[] actual = a.values();
            int valid = 0;
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Double.isNaN(expected[i]), Double.isNaN(actual[i]), p.path() + " block " + i + " valid");
                if (!Double.isNaN(expected[i])) {
                    // the overview holds the mean as a float
                    assertEquals(expected[i], actual[i], 1e-6 * Math.abs(expected[i]) + 1e-6, p.path() + " block " + i);
                    valid++;
                }
            }
            assertTrue(valid > expected.length / 2, p.path() + ": " + valid + " valid blocks");
        }
    }

    @Test
    void productsPublishedAsTilesHaveNoOverviewToRead() throws Exception {
        Path out = tmp.resolve("tiles");
        Eemt.run(spark, "--dem", dem.toString(), "--out", out.toString(), "--products", "terrain", "--tile-size", "256",
                "--mosaic-max-cells", "1000");
        RunOutputs outputs = RunOutputs.open(out.toString());
        assertTrue(outputs.location(outputs.products().get(0)).endsWith(".vrt"));
        assertEquals(Map.of(), ProductMaps.fromOverviews(outputs, outputs.products(), 2));
    }
}
