package org.eemt.job.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;
import org.eemt.job.Eemt;
import org.eemt.job.EemtRun;
import org.eemt.job.outputs.CellStatistics;
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

        // a derived quantity from a cell frame is drawn the same way, cell for cell
        String derived = run.mapHtml(run.cells("terrain/slope").withColumn("double_slope", org.apache.spark.sql.functions.col("slope").multiply(2)),
                "double_slope", "degrees");
        String base64 = derived.substring(derived.indexOf("base64,") + 7, derived.indexOf('"', derived.indexOf("base64,")));
        BufferedImage doubled = ImageIO.read(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)));
        double[] twice = java.util.Arrays.stream(values).map(v -> v * 2).toArray();
        ColourScale doubledScale = ColourScale.forProduct("double_slope", twice);
        assertEquals(0, doubled.getRGB(left, top) >>> 24);
        assertEquals(doubledScale.argb(twice[50 * 228 + 60]), doubled.getRGB(left + 60 * zoom + 1, top + 50 * zoom + 1));
    }

    /**
     * Monthly and EEMT products (made up here from the DEM and northness, in a copy of the run)
     * get monthly charts instead of maps, and the zonal table of Rasmussen et al. (2015).
     */
    @Test
    void monthlyProductsGetChartsAndAnnualEemtTheZonalTable() throws Exception {
        Path copy = tmp.resolve("with-eemt");
        Files.createDirectories(copy.resolve("terrain"));
        for (String p : run.products()) {
            Files.copy(out.resolve(p + ".tif"), copy.resolve(p + ".tif"));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(out.resolve("manifest.json").toFile());
        ObjectNode products = (ObjectNode) manifest.get("products");
        RasterGrid grid = GeoTiffReader.readGrid(out.resolve("terrain/dem.tif").toString());
        float[] dem = Products.cells(out.resolve("terrain/dem.tif"));
        float[] northness = Products.cells(out.resolve("terrain/northness.tif"));
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int m = 0; m < 12; m++) {
            float[] sTopo = new float[dem.length];
            for (int i = 0; i < dem.length; i++) {
                sTopo[i] = dem[i] * (m + 1);
            }
            add(products, copy, grid, "global/monthly/total_sun_" + months[m] + "_sum", "Wh m-2 month-1", sTopo);
            float[] sFlat = new float[dem.length];
            for (int i = 0; i < dem.length; i++) {
                sFlat[i] = sTopo[i] * (i % 2 == 0 ? 2 : 4); // S_i 0.5 and 0.25 in alternate cells
            }
            add(products, copy, grid, "global/monthly/flat_total_sun_" + months[m] + "_sum", "Wh m-2 month-1", sFlat);
        }
        float[] mcwi = new float[dem.length];
        float[] eemt = new float[dem.length];
        long northGaining = 0;
        for (int i = 0; i < dem.length; i++) {
            mcwi[i] = northness[i] + 1; // water-gaining exactly where north-facing
            eemt[i] = Float.isNaN(northness[i]) ? Float.NaN : dem[i] / 100;
            northGaining += northness[i] > 0 ? 1 : 0;
        }
        add(products, copy, grid, "terrain/mcwi", "1", mcwi);
        add(products, copy, grid, "eemt/annual/EEMT_Topo_2001", "MJ m-2 yr-1", eemt);
        Files.write(copy.resolve("manifest.json"), json.writeValueAsBytes(manifest));

        RunReport.write(spark, copy.toString());
        String html = Files.readString(copy.resolve(RunReport.FILE));
        assertTrue(Files.isRegularFile(copy.resolve("quicklook/monthly_Wh_m_2_month_1.png")), html);
        assertTrue(html.contains("<img src=\"quicklook/monthly_Wh_m_2_month_1.png\""));
        assertTrue(!html.contains("global_monthly_total_sun_jan_sum.png"), "monthly products get no map");
        assertTrue(html.contains("<img src=\"quicklook/eemt_annual_EEMT_Topo_2001.png\""));
        assertTrue(html.contains("<img src=\"quicklook/annual_S_i.png\""));
        BufferedImage index = ImageIO.read(copy.resolve("quicklook/annual_S_i.png").toFile());
        // 228 cells at one cell per block, zoom 2: cell (row 50, col 60) is S_i 0.5, its neighbour 0.25
        ColourScale indexScale = ColourScale.forProduct("annual S_i", new double[] {0.25, 0.5});
        assertEquals(indexScale.argb(0.5), index.getRGB(10 + 60 * 2, 34 + 50 * 2));
        assertEquals(indexScale.argb(0.25), index.getRGB(10 + 61 * 2, 34 + 50 * 2));
        assertTrue(html.contains("<td>aspect × wetness</td><td>north-facing (northness &gt; 0), water-gaining (MCWI &gt; 1)</td>"
                + "<td>eemt/annual/EEMT_Topo_2001</td><td class=\"n\">" + northGaining + "</td>"), html);
        assertTrue(!html.contains("north-facing (northness &gt; 0), water-losing"), "no north-facing cell is water-losing here");

        zonalSummaryMatchesSparkSqlOverTheCells(Eemt.open(spark, copy.toString()));
    }

    /**
     * The zonal summary (plain per-tile statistics merged over the 3 x 3 tiles) against Spark SQL's
     * {@code count}, {@code avg}, {@code stddev_pop}, {@code min}, {@code max} over all cells of each
     * class at once: the same rows, in the same order, means and sd within 1e-9 relative.
     */
    private static void zonalSummaryMatchesSparkSqlOverTheCells(EemtRun copy) {
        String[] summarised = {"eemt/annual/EEMT_Topo_2001", "terrain/slope"};
        double band = 100;
        List<Row> rows = copy.zonalSummary(band, summarised).collectAsList();
        Dataset<Row> cells = copy.cells("eemt/annual/EEMT_Topo_2001", "terrain/slope", "terrain/dem", "terrain/northness", "terrain/mcwi");
        Map<String, String> condition = Map.of("north-facing (northness > 0)", "northness > 0", "south-facing (northness < 0)", "northness < 0",
                "no aspect (flat)", "northness = 0", "water-gaining (MCWI > 1)", "mcwi > 1", "water-losing (MCWI ≤ 1)", "mcwi <= 1");
        List<String> zoningsSeen = new ArrayList<>();
        List<String> productsSeen = new ArrayList<>();
        double previousBand = Double.NEGATIVE_INFINITY;
        List<Column> oracle = new ArrayList<>(); // per row: count, avg, stddev_pop, min, max of the product over the class's cells
        for (Row r : rows) {
            String zoning = r.getString(0);
            String cellClass = r.getString(1);
            String product = r.getString(2);
            String where = switch (zoning) {
                case "all cells" -> "true";
                case "aspect", "wetness" -> condition.get(cellClass);
                case "aspect × wetness" -> condition.get(cellClass.substring(0, cellClass.indexOf("), ") + 1)) + " and "
                        + condition.get(cellClass.substring(cellClass.indexOf("), ") + 3));
                default -> "floor(dem / " + band + ") * " + band + " = " + cellClass.substring(0, cellClass.indexOf('–'));
            };
            if (zoning.equals("elevation band")) {
                double low = Double.parseDouble(cellClass.substring(0, cellClass.indexOf('–')));
                assertTrue(low > previousBand || !productsSeen.get(productsSeen.size() - 1).equals(product), "bands in ascending order");
                previousBand = low;
            }
            if (zoningsSeen.isEmpty() || !zoningsSeen.get(zoningsSeen.size() - 1).equals(zoning)) {
                zoningsSeen.add(zoning);
            } else {
                assertTrue(productsSeen.get(productsSeen.size() - 1).compareTo(product) <= 0, "products by path within a zoning");
            }
            productsSeen.add(product);
            Column value = when(expr(where), col(product.substring(product.lastIndexOf('/') + 1)));
            oracle.addAll(List.of(count(value), avg(value), stddev_pop(value), min(value).cast("double"), max(value).cast("double")));
        }
        for (String product : summarised) {
            oracle.add(count(product.substring(product.lastIndexOf('/') + 1)));
        }
        Row expected = cells.agg(oracle.get(0), oracle.subList(1, oracle.size()).toArray(Column[]::new)).first();
        Map<String, Long> cellsByZoningAndProduct = new HashMap<>();
        double largestRelative = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String what = r.getString(0) + " / " + r.getString(1) + " / " + r.getString(2);
            assertEquals(expected.getLong(5 * i), r.getLong(4), what + " cells");
            assertEquals(expected.getDouble(5 * i + 1), r.getDouble(5), 1e-9 * Math.abs(expected.getDouble(5 * i + 1)), what + " mean");
            assertEquals(expected.getDouble(5 * i + 2), r.getDouble(6), 1e-9 * Math.abs(expected.getDouble(5 * i + 2)), what + " sd");
            assertEquals(expected.getDouble(5 * i + 3), r.getDouble(7), what + " min");
            assertEquals(expected.getDouble(5 * i + 4), r.getDouble(8), what + " max");
            cellsByZoningAndProduct.merge(r.getString(0) + " / " + r.getString(2), r.getLong(4), Long::sum);
            largestRelative = Math.max(largestRelative, Math.max(Math.abs(r.getDouble(5) / expected.getDouble(5 * i + 1) - 1),
                    expected.getDouble(5 * i + 2) == 0 ? 0 : Math.abs(r.getDouble(6) / expected.getDouble(5 * i + 2) - 1)));
        }
        System.out.printf("zonal summary: %d rows against Spark SQL, largest relative difference of a mean or sd %.2e%n",
                rows.size(), largestRelative);
        assertEquals(List.of("all cells", "aspect", "wetness", "aspect × wetness", "elevation band"), zoningsSeen);
        for (String zoning : zoningsSeen) {
            for (int p = 0; p < summarised.length; p++) {
                assertEquals(expected.getLong(5 * rows.size() + p), cellsByZoningAndProduct.get(zoning + " / " + summarised[p]),
                        "every valid cell of " + summarised[p] + " is in one class of " + zoning);
            }
        }
    }

    private static void add(ObjectNode products, Path out, RasterGrid grid, String path, String unit, float[] cells) throws Exception {
        Files.createDirectories(out.resolve(path).getParent());
        GeoTiffWriter.write(grid, cells, out.resolve(path + ".tif").toString());
        products.putObject(path).put("file", path + ".tif").put("unit", unit).put("description", "made up for the test");
    }
}
