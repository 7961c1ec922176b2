package org.eemt.job.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.ErrorLine;
import org.eemt.job.testing.InProcessCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt run} on the sample DEM (228 x 211 cells) cut by {@code gdal_translate -srcwin} into
 * four tiles whose edges (columns 100 and 150, row 90) are not on the run's 128-cell tiles, given as
 * a {@code gdalbuildvrt} VRT (terrain, wetness and one solar day), a directory and a comma list
 * (terrain; the comma list's products as VRTs over tiles): bit for bit the single file's products,
 * on the same grid. Mosaics that are more than that fail with exit
 * code 2 and one line before Spark starts.
 */
class MosaicInputTest {
    private static final int[][] CUTS = {{0, 0, 100, 90}, {100, 0, 128, 90}, {0, 90, 150, 121}, {150, 90, 78, 121}};
    private static final List<String> RUN = List.of("--days", "172", "--horizon-distance", "1000", "--tile-size", "128", "--master", "local[2]");

    @TempDir
    static Path tmp;
    static Path tiles;

    @BeforeAll
    static void cutTiles() throws Exception {
        ExternalTool.require("gdal_translate");
        ExternalTool.require("gdalbuildvrt");
        tiles = Files.createDirectories(tmp.resolve("tiles"));
        for (int i = 0; i < CUTS.length; i++) {
            ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-srcwin", "" + CUTS[i][0], "" + CUTS[i][1], "" + CUTS[i][2], "" + CUTS[i][3],
                    TestData.sampleDem().toString(), tiles.resolve("t" + i + ".tif").toString()));
        }
        ExternalTool.run(tmp, List.of("gdalbuildvrt", "-q", "dem.vrt", "tiles/t0.tif", "tiles/t1.tif", "tiles/t2.tif", "tiles/t3.tif"));
    }

    private static Path run(String name, String dem, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", "--dem", dem, "--out", out.toString()));
        args.addAll(RUN);
        args.addAll(List.of(extra));
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        return out;
    }

    @Test
    void vrtDirectoryAndCommaListGiveTheSingleFilesProducts() throws Exception {
        String all = "terrain,twi,solar";
        Path single = run("single", TestData.sampleDem().toString(), "--products", all);
        List<String> products = products(single, ".tif");
        List<String> terrain = List.of("terrain/aspect.tif", "terrain/dem.tif", "terrain/northness.tif", "terrain/slope.tif");
        assertTrue(products.containsAll(terrain) && products.containsAll(List.of("terrain/twi.tif", "global/monthly/total_sun_jun_sum.tif")),
                products.toString());

        Path vrt = run("vrt", tmp.resolve("dem.vrt").toString(), "--products", all);
        assertEquals(products, products(vrt, ".tif"));
        for (String p : products) {
            assertSameCellsAndGrid(single.resolve(p), vrt.resolve(p));
        }
        Path directory = run("directory", tiles.toString(), "--products", "terrain");
        assertEquals(terrain, products(directory, ".tif"));
        String list = String.join(",", Stream.of(3, 1, 0, 2).map(i -> tiles.resolve("t" + i + ".tif").toString()).toList());
        Path listed = run("list", list, "--products", "terrain", "--mosaic-max-cells", "1000"); // products as VRTs over tiles
        assertEquals(terrain.stream().map(p -> p.replace(".tif", ".vrt")).toList(), products(listed, ".vrt"));
        for (String p : terrain) {
            assertSameCellsAndGrid(single.resolve(p), directory.resolve(p));
            assertSameCellsAndGrid(single.resolve(p), listed.resolve(p.replace(".tif", ".vrt")));
        }

        JsonNode manifest = new ObjectMapper().readTree(listed.resolve("manifest.json").toFile());
        assertEquals(4, manifest.at("/inputs/0/tiles").asInt());
        assertEquals(list, manifest.at("/inputs/0/location").asText().replace("file:", ""));
        assertEquals(manifest.at("/dem/validCells").asLong(),
                new ObjectMapper().readTree(single.resolve("manifest.json").toFile()).at("/dem/validCells").asLong());
        assertFalse(Files.exists(listed.resolve(".eemt-work")), "the work VRT over the tiles is removed with the work tiles");
    }

    @Test
    void mosaicsBeyondSimpleOnesStopBeforeSparkWithOneLine() throws Exception {
        ExternalTool.run(tmp, List.of("gdalbuildvrt", "-q", "-tr", "20", "20", "coarse.vrt", "tiles/t0.tif", "tiles/t1.tif"));
        expectRefusal(tmp.resolve("coarse.vrt").toString(), tmp.resolve("coarse.vrt").toString(), "resamples source");

        Path reprojected = tmp.resolve("t1_utm_wgs84.tif");
        ExternalTool.run(tmp, List.of("gdalwarp", "-q", "-t_srs", "EPSG:32613", tiles.resolve("t1.tif").toString(), reprojected.toString()));
        expectRefusal(tiles.resolve("t0.tif") + "," + reprojected, reprojected.toString(), "has CRS EPSG:32613");

        Path moved = Files.createDirectories(tmp.resolve("moved"));
        Files.copy(tmp.resolve("dem.vrt"), moved.resolve("dem.vrt"));
        expectRefusal(moved.resolve("dem.vrt").toString(), moved.resolve("dem.vrt").toString(), "tiles/t0.tif not found");
    }

    private static void expectRefusal(String dem, String subject, String problem) {
        Path out = tmp.resolve("refused");
        InProcessCli.Outcome outcome = InProcessCli.execute(List.of("run", "--dem", dem, "--out", out.toString(), "--master", "local[1]"));
        String line = outcome.onlyEemtLine(2);
        ErrorLine.assertOneLine(line, subject, problem);
        assertTrue(line.contains("gdalbuildvrt") || line.contains("gdalwarp"), line);
        assertFalse(Files.exists(out.resolve("manifest.json")) || Files.exists(out.resolve("terrain")), "nothing written for " + dem);
    }

    private static void assertSameCellsAndGrid(Path expected, Path actual) {
        try (RasterInput a = RasterInput.open(expected.toString()); RasterInput b = RasterInput.open(actual.toString())) {
            assertEquals(a.grid(), RasterInput.readGrid(actual.toString()), actual.toString());
            float[] ca = a.read(a.grid().extent());
            float[] cb = b.read(b.grid().extent());
            assertEquals(ca.length, cb.length, actual.toString());
            for (int i = 0; i < ca.length; i++) {
                if (Float.floatToRawIntBits(ca[i]) != Float.floatToRawIntBits(cb[i])) {
                    throw new AssertionError(actual + ": cell " + i + " is " + cb[i] + ", the single file's run " + ca[i]);
                }
            }
        }
    }

    /** The product files of a run (relative paths ending in {@code extension}), sorted. */
    private static List<String> products(Path out, String extension) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.map(f -> out.relativize(f).toString())
                    .filter(f -> f.endsWith(extension) && !f.contains(".tiles/") && !f.startsWith(".") && !f.startsWith("report"))
                    .sorted().toList();
        }
    }
}
