package org.eemt.job.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.testing.TestData;
import org.eemt.job.Eemt;
import org.eemt.job.EemtRun;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook API and the run report on the sample DEM (terrain products, 3 x 3 tiles of 100
 * cells), in a local[2] session with Kryo registration required; every number is checked against
 * the cells of the published GeoTIFFs read directly.
 */
class NotebookApiTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static EemtRun run;
    static Path out;

    @BeforeAll
    static void runTerrain() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("NotebookApiTest")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", "org.eemt.job.pipeline.EemtKryoRegistrator")
                .config("spark.kryo.registrationRequired", "true").getOrCreate();
        out = tmp.resolve("out");
        run = Eemt.run(spark, "--dem", TestData.sampleDem().toString(), "--out", out.toString(), "--products", "terrain",
                "--tile-size", "100");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void statisticsTilesAndCellsEqualTheProductFiles() {
        float[] slope = Products.cells(out.resolve("terrain/slope.tif"));
        float[] dem = Products.cells(out.resolve("terrain/dem.tif"));
        CellStatistics expected = CellStatistics.of(slope);
        assertEquals(List.of("terrain/dem", "terrain/slope", "terrain/aspect", "terrain/northness"), run.products());

        Row s = run.statistics("terrain/slope").first();
        assertEquals("degrees", s.getString(1));
        assertEquals(expected.count(), s.getLong(2));
        assertEquals(expected.mean(), s.getDouble(3), 1e-9);
        assertEquals(expected.max(), s.getDouble(6));

        List<Row> tiles = run.tileStatistics("terrain/slope").collectAsList();
        assertEquals(9, tiles.size());
        assertEquals(expected.count(), tiles.stream().mapToLong(t -> t.getLong(7)).sum());

        List<Row> cells = run.cells("terrain/slope", "terrain/dem").where("row = 50 and col = 60").collectAsList();
        assertEquals(1, cells.size());
        assertEquals(slope[50 * 228 + 60], cells.get(0).getFloat(4));
        assertEquals(dem[50 * 228 + 60], cells.get(0).getFloat(5));
        assertEquals(expected.count(), run.cells("terrain/slope").count());
    }

    @Test
    void zonalSummaryCountsTheCellsOfEachAspectClass() {
        float[] slope = Products.cells(out.resolve("terrain/slope.tif"));
        float[] northness = Products.cells(out.resolve("terrain/northness.tif"));
        long north = 0;
        long south = 0;
        double northSum = 0;
        for (int i = 0; i < slope.length; i++) {
            if (!Float.isNaN(slope[i]) && northness[i] > 0) {
                north++;
                northSum += slope[i];
            } else if (!Float.isNaN(slope[i]) && northness[i] < 0) {
                south++;
            }
        }
        List<Row> aspect = run.zonalSummary("terrain/slope").where("zoning = 'aspect'").orderBy("class").collectAsList();
        assertEquals("north-facing (northness > 0)", aspect.get(0).getString(1));
        assertEquals(north, aspect.get(0).getLong(4));
        assertEquals(northSum / north, aspect.get(0).getDouble(5), 1e-6);
        assertEquals("south-facing (northness < 0)", aspect.get(1).getString(1));
        assertEquals(south, aspect.get(1).getLong(4));
        long banded = run.zonalSummary(100, "terrain/slope").where("zoning = 'elevation band'").collectAsList().stream()
                .mapToLong(r -> r.getLong(4)).sum();
        assertEquals(CellStatistics.of(slope).count(), banded);
    }

    @Test
    void theReportShowsEveryProductAndItsMapsShowTheCellsNorthUpWithNoDataTransparent() throws Exception {
        String html = Files.readString(out.resolve(RunReport.FILE));
        for (String p : run.products()) {
            CellStatistics s = CellStatistics.of(Products.cells(out.resolve(p + ".tif")));
            assertTrue(html.contains("<tr><td>" + p + "</td>"), p);
            assertTrue(html.contains("<td class=\"n\">" + s.count() + "</td><td class=\"n\">" + Drawing.label(s.min())
                    + "</td><td class=\"n\">" + Drawing.label(s.mean()) + "</td>"), p + " statistics");
        }
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            assertTrue(Files.isRegularFile(out.resolve(images.group(1))), images.group(1));
            count++;
        }
        assertEquals(4, count);

        float[] slope = Products.cells(out.resolve("terrain/slope.tif"));
        double[] values = new double[slope.length];
        for (int i = 0; i < slope.length; i++) {
            values[i] = slope[i];
        }
        ColourScale scale = ColourScale.forProduct("terrain/slope", values);
        BufferedImage map = ImageIO.read(out.resolve("quicklook/terrain_slope.png").toFile());
        int zoom = 2; // 228 x 211 cells drawn at about 480 pixels
        int left = 10;
        int top = 34;
        assertEquals(0, map.getRGB(left, top) >>> 24, "NoData (the DEM's edge has no slope) is transparent");
        for (int[] cell : new int[][] {{50, 60}, {200, 10}, {20, 220}}) {
            int row = cell[0];
            int col = cell[1];
            assertEquals(scale.argb(slope[row * 228 + col]), map.getRGB(left + col * zoom + 1, top + row * zoom + 1),
                    "colour of cell row " + row + ", col " + col);
        }
        assertTrue(run.mapHtml("terrain/northness").startsWith("%html <div><img style=\"margin:4px\" src=\"data:image/png;base64,iVBOR"));
    }
}
