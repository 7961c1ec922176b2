package org.eemt.job.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eemt run --products terrain} on the sample DEM, in local[2], through the CLI. */
class TerrainRunTest {
    private static final List<String> PRODUCTS = List.of("terrain/dem.tif", "terrain/slope.tif", "terrain/aspect.tif",
            "terrain/northness.tif");

    @TempDir
    Path tmp;

    private Path run(String name, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--dem", TestData.sampleDem().toString(),
                "--out", out.toString(), "--products", "terrain", "--master", "local[2]"));
        args.addAll(List.of(extra));
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        return out;
    }

    @Test
    void productsAreBitIdenticalForAnyTileGridAndGdalSeesTheDemsGrid() throws Exception {
        Path tiles64 = run("t64", "--tile-size", "64");
        Path tiles512 = run("t512", "--tile-size", "512");
        Path uneven = run("t50", "--tile-size", "50"); // 228x211 cells: 5x5 tiles, the last ones 28 and 11 wide
        Products.assertBitIdentical(tiles64, tiles512, PRODUCTS);
        Products.assertBitIdentical(tiles64, uneven, PRODUCTS);
        for (String p : PRODUCTS) {
            assertEquals(Files.mismatch(tiles64.resolve(p), tiles512.resolve(p)), -1L, p + ": identical files");
        }

        ExternalTool.require("gdalinfo");
        String info = ExternalTool.run(tmp, List.of("gdalinfo", tiles64.resolve("terrain/slope.tif").toString()));
        assertTrue(info.contains("ID[\"EPSG\",26913]"), info);
        assertTrue(info.contains("Origin = (352119.9999998"), info);
        assertTrue(info.contains("Pixel Size = (10.0000000000651"), info);
        assertTrue(info.contains("Type=Float32") && info.contains("NoData Value=nan"), info);

        JsonNode manifest = new ObjectMapper().readTree(tiles64.resolve("manifest.json").toFile());
        assertEquals("EPSG:26913", manifest.at("/dem/crs").asText());
        assertEquals(48016, manifest.at("/dem/validCells").asLong());
        assertEquals(16, manifest.at("/stages/0/tiles").asInt()); // 228x211 cells in 64-cell tiles: 4 x 4
        assertEquals(64, manifest.at("/inputs/0/sha256").asText().length());
        for (String p : PRODUCTS) {
            String id = p.replace(".tif", "");
            assertEquals(manifest.at("/products/" + id.replace("/", "~1") + "/sha256").asText(),
                    org.eemt.geo.storage.Storage.sha256(tiles64.resolve(p).toString()), p);
        }
        assertTrue(manifest.at("/versions/spark").asText().startsWith("3.5"));
        assertTrue(manifest.at("/versions/apacheSis").asText().startsWith("1.6"));
    }

    @Test
    void largeDemsBecomeAVrtOverTilesWithTheSameCells() throws Exception {
        Path mosaic = run("mosaic", "--tile-size", "100");
        Path vrt = run("vrt", "--tile-size", "100", "--mosaic-max-cells", "1000");
        assertTrue(Files.exists(vrt.resolve("terrain/slope.vrt")));
        assertTrue(Files.isRegularFile(vrt.resolve("terrain/slope.tiles/r002_c002.tif")));
        ExternalTool.require("gdal_translate");
        Path flat = tmp.resolve("slope_from_vrt.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", vrt.resolve("terrain/slope.vrt").toString(), flat.toString()));
        float[] fromVrt = Products.cells(flat);
        float[] fromMosaic = Products.cells(mosaic.resolve("terrain/slope.tif"));
        assertEquals(fromMosaic.length, fromVrt.length);
        for (int i = 0; i < fromVrt.length; i++) {
            assertEquals(Float.floatToRawIntBits(fromMosaic[i]), Float.floatToRawIntBits(fromVrt[i]), "cell " + i);
        }
    }
}
