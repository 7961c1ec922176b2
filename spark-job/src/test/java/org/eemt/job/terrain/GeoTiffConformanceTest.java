package org.eemt.job.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.RunCommand;
import org.eemt.job.testing.InProcessCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance matrix: DEMs in the GeoTIFF layouts GDAL writes (data types, strips and tiles,
 * compressions and predictors, LERC lossless and lossy, BigTIFF, big-endian, COG, NoData set, unset
 * and NaN) and in awkward shapes, made at test time with {@code gdalwarp} and {@code gdal_translate} from
 * the sample DEMs. Every layout runs on two shapes (LERC's on one each: {@code GeoTiffLercTest} covers
 * its layouts cell for cell without Spark) and every shape on at least two layouts (not the full cross
 * product). For each case {@code eemt run --products terrain} runs through the real Spark code path
 * (one session for the whole matrix, some cases in 128-cell tiles); every product opens in GDAL on
 * the input's grid (size, geotransform, CRS), is a valid COG, and {@code terrain/dem.tif} equals
 * GDAL's read of the input cell for cell (NoData as NaN; for lossy LERC, GDAL's read of the lossy
 * cells). Layouts the reader does not decode (JPEG) are refused with exit 2 and one line naming the
 * file and the gdal_translate fix.
 */
class GeoTiffConformanceTest {
    private static final List<String> PRODUCTS = List.of("terrain/dem", "terrain/slope", "terrain/aspect", "terrain/northness");

    @TempDir
    static Path tmp;
    static SparkSession spark;

    /** A layout: which base DEM (NoData -9999, NaN, or none) and the gdal_translate options. */
    private record Layout(String name, String base, List<String> options) {
    }

    private static Layout layout(String name, String base, String... options) {
        return new Layout(name, base, List.of(options));
    }

    private static final Layout F32_TILED_DEFLATE_P3 = layout("float32-tiled256-deflate-p3", "nd",
            "-ot", "Float32", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=3");
    private static final Layout I16_STRIP1_NONE = layout("int16-strip1-none", "nd", "-ot", "Int16", "-co", "BLOCKYSIZE=1");
    private static final Layout U16_STRIP4_LZW_P2 = layout("uint16-strip4-lzw-p2-nodata-unset", "none",
            "-ot", "UInt16", "-co", "BLOCKYSIZE=4", "-co", "COMPRESS=LZW", "-co", "PREDICTOR=2");
    private static final Layout I32_STRIP17_DEFLATE_P1 = layout("int32-strip17-deflate-p1", "nd",
            "-ot", "Int32", "-co", "BLOCKYSIZE=17", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=1");
    private static final Layout F64_TILED128_DEFLATE_P3 = layout("float64-tiled128-deflate-p3-nodata-nan", "nan",
            "-ot", "Float64", "-co", "TILED=YES", "-co", "BLOCKXSIZE=128", "-co", "BLOCKYSIZE=128",
            "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=3");
    private static final Layout F32_STRIP4_PACKBITS = layout("float32-strip4-packbits", "nd",
            "-ot", "Float32", "-co", "BLOCKYSIZE=4", "-co", "COMPRESS=PACKBITS");
    private static final Layout BIGTIFF_TILED512_LZW_P3 = layout("bigtiff-float32-tiled512-lzw-p3", "nd",
            "-ot", "Float32", "-co", "BIGTIFF=YES", "-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512",
            "-co", "COMPRESS=LZW", "-co", "PREDICTOR=3");
    private static final Layout BIG_ENDIAN_I16_TILED128_DEFLATE_P2 = layout("big-endian-int16-tiled128-deflate-p2", "nd",
            "-ot", "Int16", "-co", "ENDIANNESS=BIG", "-co", "TILED=YES", "-co", "BLOCKXSIZE=128", "-co", "BLOCKYSIZE=128",
            "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2");
    private static final Layout COG = layout("cog-float32-deflate", "nd", "-of", "COG", "-ot", "Float32", "-co", "COMPRESS=DEFLATE");
    private static final Layout F32_NAN_STRIP17_DEFLATE_P2 = layout("float32-strip17-deflate-p2-nodata-nan", "nan",
            "-ot", "Float32", "-co", "BLOCKYSIZE=17", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2");
    private static final Layout F32_UNSET = layout("float32-nodata-unset", "none", "-ot", "Float32");
    private static final Layout ZSTD_STRIP4_P3 = layout("float32-strip4-zstd-p3", "nd", "-ot", "Float32", "-co", "BLOCKYSIZE=4",
            "-co", "COMPRESS=ZSTD", "-co", "PREDICTOR=3");
    private static final Layout ZSTD_I16_TILED256_P2 = layout("int16-tiled256-zstd-p2", "nd", "-ot", "Int16", "-co", "TILED=YES",
            "-co", "COMPRESS=ZSTD", "-co", "PREDICTOR=2");
    private static final Layout LERC_F32_TILED128 = layout("float32-tiled128-lerc-nodata-nan", "nan", "-ot", "Float32",
            "-co", "TILED=YES", "-co", "BLOCKXSIZE=128", "-co", "BLOCKYSIZE=128", "-co", "COMPRESS=LERC");
    private static final Layout LERC_ZSTD_I16_STRIP17 = layout("int16-strip17-lerc-zstd", "nd", "-ot", "Int16",
            "-co", "BLOCKYSIZE=17", "-co", "COMPRESS=LERC_ZSTD");
    private static final Layout LERC_DEFLATE_F64_LOSSY = layout("float64-strip4-lerc-deflate-maxzerror0.5-nodata-unset", "none",
            "-ot", "Float64", "-co", "BLOCKYSIZE=4", "-co", "COMPRESS=LERC_DEFLATE", "-co", "MAX_Z_ERROR=0.5");
    private static final Layout JPEG = layout("byte-jpeg", "none", "-ot", "Byte", "-co", "COMPRESS=JPEG");

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("GeoTiffConformanceTest")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", "org.eemt.job.pipeline.EemtKryoRegistrator")
                .config("spark.kryo.registrationRequired", "true")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyLayoutAndShapeGivesProductsOnTheInputsGridAndTheDemAsGdalReadsIt() throws Exception {
        ExternalTool.require("gdalwarp");
        // {layout, width, height, tile size}: each layout on two shapes, each shape on two layouts or more
        Object[][] cases = {
                {F32_TILED_DEFLATE_P3, 200, 400, 128}, {F32_TILED_DEFLATE_P3, 1197, 643, 512},
                {I16_STRIP1_NONE, 3, 1000, 512}, {I16_STRIP1_NONE, 255, 257, 128},
                {U16_STRIP4_LZW_P2, 400, 200, 128}, {U16_STRIP4_LZW_P2, 3, 3, 512},
                {I32_STRIP17_DEFLATE_P1, 1000, 3, 128}, {I32_STRIP17_DEFLATE_P1, 257, 255, 512},
                {F64_TILED128_DEFLATE_P3, 255, 257, 512}, {F64_TILED128_DEFLATE_P3, 200, 400, 128},
                {F32_STRIP4_PACKBITS, 3, 3, 128}, {F32_STRIP4_PACKBITS, 1000, 3, 512},
                {BIGTIFF_TILED512_LZW_P3, 257, 255, 128}, {BIGTIFF_TILED512_LZW_P3, 400, 200, 512},
                {BIG_ENDIAN_I16_TILED128_DEFLATE_P2, 1197, 643, 128}, {BIG_ENDIAN_I16_TILED128_DEFLATE_P2, 3, 1000, 128},
                {COG, 1197, 643, 512}, {COG, 400, 200, 128},
                {F32_NAN_STRIP17_DEFLATE_P2, 200, 400, 512}, {F32_NAN_STRIP17_DEFLATE_P2, 3, 3, 512},
                {F32_UNSET, 257, 255, 512}, {F32_UNSET, 1000, 3, 128},
                {ZSTD_STRIP4_P3, 255, 257, 128}, {ZSTD_I16_TILED256_P2, 200, 400, 128},
                {LERC_F32_TILED128, 257, 255, 128}, {LERC_ZSTD_I16_STRIP17, 400, 200, 512}, {LERC_DEFLATE_F64_LOSSY, 255, 257, 128},
        };
        List<String> summary = new ArrayList<>();
        for (Object[] c : cases) {
            Layout layout = (Layout) c[0];
            int w = (int) c[1];
            int h = (int) c[2];
            String name = layout.name + "-" + w + "x" + h;
            Path input = input(layout, w, h);
            Path out = tmp.resolve("out-" + name);
            RunCommand.runInSession(spark, "--dem", input.toString(), "--out", out.toString(), "--products", "terrain",
                    "--tile-size", String.valueOf(c[3]));
            JsonNode inputInfo = gdalinfo(input);
            for (String product : PRODUCTS) {
                Path file = out.resolve(product + ".tif");
                assertSameGrid(inputInfo, gdalinfo(file), name + " " + product);
            }
            Gdal.validateCog(tmp, out.resolve("terrain/slope.tif"));
            int valid = assertDemIsGdalsRead(input, inputInfo, out.resolve("terrain/dem.tif"), name);
            summary.add(name + ": " + valid + " valid cells equal");
        }
        System.out.println("conformance matrix, " + cases.length + " cases:\n  " + String.join("\n  ", summary));
    }

    @Test
    void largeProductsAreVrtsWithOverviewsOnTheInputsGrid() throws Exception {
        ExternalTool.require("gdalwarp");
        Path input = input(F32_TILED_DEFLATE_P3, 1197, 643);
        Path out = tmp.resolve("out-vrt");
        RunCommand.runInSession(spark, "--dem", input.toString(), "--out", out.toString(), "--products", "terrain",
                "--tile-size", "300", "--mosaic-max-cells", "100000");
        JsonNode inputInfo = gdalinfo(input);
        for (String product : PRODUCTS) {
            Path vrt = out.resolve(product + ".vrt");
            JsonNode info = gdalinfo(vrt);
            assertSameGrid(inputInfo, info, product + ".vrt");
            assertEquals(List.of(598, 299, 149), overviewWidths(info), product + ".vrt overviews");
        }
        String text = ExternalTool.run(tmp, List.of("gdalinfo", out.resolve("terrain/slope.tiles/r000_c000.tif").toString()));
        assertTrue(text.contains("LAYOUT=COG") && text.contains("Overviews: 150x150"), text);
        assertTrue(text.contains("Unit Type: degrees"), text);
        assertDemIsGdalsRead(input, inputInfo, out.resolve("terrain/dem.vrt"), "VRT dem");

        // The VRT's first overview, as GDAL reads it from the tiles' overviews, against the 2 x 2 means of
        // the DEM (not equal: GDAL maps 1197 columns onto 598, a ratio of 2.0017, resampling the tiles' overviews).
        float[] full = Gdal.read(tmp, out.resolve("terrain/dem.vrt"), -1);
        float[] overview = Gdal.read(tmp, out.resolve("terrain/dem.vrt"), 0);
        int w = 598;
        int h = 321;
        assertEquals(w * h, overview.length);
        double sumDiff = 0;
        int compared = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int k = 0; k < 4; k++) {
                    float v = full[(2 * y + k / 2) * 1197 + 2 * x + k % 2];
                    if (!Float.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
                float o = overview[y * w + x];
                if (n > 0 && !Float.isNaN(o)) {
                    sumDiff += Math.abs(o - sum / n);
                    compared++;
                }
            }
        }
        double meanDiff = sumDiff / compared;
        System.out.printf("VRT overview 1: %d of %d cells valid, mean |overview - 2x2 mean of the DEM| = %.3f m%n", compared, w * h, meanDiff);
        assertTrue(compared > 0.99 * w * h && meanDiff < 1.0, compared + " cells, mean difference " + meanDiff + " m");
    }

    @Test
    void layoutsTheReaderDoesNotDecodeAreRefusedWithOneLineAndTheFix() throws Exception {
        ExternalTool.require("gdalwarp");
        Path input = input(JPEG, 200, 400);
        Path out = tmp.resolve("out-" + JPEG.name);
        String line = InProcessCli.execute(List.of("run", "--dem", input.toString(), "--out", out.toString(),
                "--products", "terrain", "--master", "local[1]")).onlyEemtLine(2);
        assertTrue(line.contains(input.toString()) && line.contains("JPEG")
                && line.contains("gdal_translate") && line.contains("COMPRESS=DEFLATE"), line);
        assertFalse(Files.exists(out.resolve("terrain/dem.tif")), line);
    }

    /** The DEM of a case: the sample DEM resampled to the shape, then written in the layout. */
    private static Path input(Layout layout, int w, int h) throws Exception {
        Path base = tmp.resolve("base-" + layout.base + "-" + w + "x" + h + ".tif");
        if (!Files.exists(base)) {
            List<String> warp = new ArrayList<>(List.of("gdalwarp", "-q", "-ts", String.valueOf(w), String.valueOf(h),
                    "-r", "bilinear", "-ot", "Float32"));
            warp.addAll(switch (layout.base) {
                // the sample DEM has NaN cells: they become NoData -9999 or NaN
                case "nd" -> List.of("-dstnodata", "-9999", TestData.sampleDem().toString());
                case "nan" -> List.of("-dstnodata", "nan", TestData.sampleDem().toString());
                // the Peru DEM has no NoData cells: the file has no NoData value at all
                default -> List.of("-dstnodata", "None", TestData.shared("dem/peru_mongon_utm17s_30m.tif").toString());
            });
            warp.add(base.toString());
            ExternalTool.run(tmp, warp);
        }
        Path file = tmp.resolve(layout.name + "-" + w + "x" + h + ".tif");
        List<String> translate = new ArrayList<>(List.of("gdal_translate", "-q"));
        translate.addAll(layout.options);
        if (layout.base.equals("none")) {
            translate.addAll(List.of("-a_nodata", "none"));
        }
        translate.addAll(List.of(base.toString(), file.toString()));
        ExternalTool.run(tmp, translate);
        return file;
    }

    private static JsonNode gdalinfo(Path file) throws Exception {
        return new ObjectMapper().readTree(ExternalTool.run(tmp, List.of("gdalinfo", "-json", file.toString())));
    }

    private static void assertSameGrid(JsonNode input, JsonNode product, String what) {
        assertEquals(input.get("size"), product.get("size"), what + ": size");
        for (int i = 0; i < 6; i++) {
            double a = input.at("/geoTransform/" + i).asDouble();
            double b = product.at("/geoTransform/" + i).asDouble();
            assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), what + ": geotransform " + i);
        }
        assertEquals(proj4(input), proj4(product), what + ": CRS");
    }

    /** The CRS as PROJ parameters (the same CRS may be spelled by GDAL with an EPSG code or in full). */
    private static String proj4(JsonNode info) {
        return PROJ4.computeIfAbsent(info.at("/coordinateSystem/wkt").asText(), k -> proj4Of(info));
    }

    private static final java.util.Map<String, String> PROJ4 = new java.util.HashMap<>();

    private static String proj4Of(JsonNode info) {
        try {
            Path wkt = Files.createTempFile(tmp, "crs-", ".wkt");
            Files.writeString(wkt, info.at("/coordinateSystem/wkt").asText());
            String proj = ExternalTool.run(tmp, List.of("gdalsrsinfo", "-o", "proj4", wkt.toString())).trim();
            Files.delete(wkt);
            assertTrue(proj.startsWith("+proj="), proj);
            return proj;
        } catch (Exception e) {
            throw new AssertionError("gdalsrsinfo: " + e.getMessage(), e);
        }
    }

    private static List<Integer> overviewWidths(JsonNode info) {
        List<Integer> widths = new ArrayList<>();
        info.at("/bands/0/overviews").forEach(o -> widths.add(o.at("/size/0").asInt()));
        return widths;
    }

    /** Asserts that the product DEM is GDAL's read of the input (NoData as NaN); the number of valid cells. */
    private static int assertDemIsGdalsRead(Path input, JsonNode inputInfo, Path dem, String what) throws Exception {
        float[] expected = Gdal.read(tmp, input, -1);
        JsonNode noDataNode = inputInfo.at("/bands/0/noDataValue");
        double noData = noDataNode.isMissingNode() ? Double.NaN
                : noDataNode.isTextual() ? Double.parseDouble(noDataNode.asText().replace("nan", "NaN")) : noDataNode.asDouble();
        float[] actual = Gdal.read(tmp, dem, -1);
        assertEquals(expected.length, actual.length, what);
        int valid = 0;
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i] == (float) noData ? Float.NaN : expected[i];
            if (Float.floatToIntBits(e) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError(what + ": cell " + i + " is " + actual[i] + " in dem.tif, " + e + " in the input");
            }
            valid += Float.isNaN(e) ? 0 : 1;
        }
        assertTrue(valid > 0, what + ": valid cells");
        return valid;
    }
}
