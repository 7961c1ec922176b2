package org.eemt.job.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.ErrorLine;
import org.eemt.job.testing.Launcher;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DEMs as users hand them out, through {@code submit/eemt run} (the shaded jar): absurd elevations
 * without a NoData tag, several bands, a CRS that needs the EPSG database. Inputs are made here
 * with GDAL (python3-gdal, the system Python, for cell edits) from a 60 x 60 cut of the sample DEM.
 */
class DemInputIT {
    @TempDir
    Path tmp;
    private Path cut;

    @BeforeEach
    void cutSample() throws Exception {
        cut = tmp.resolve("cut.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-ot", "Float32", "-srcwin", "50", "50", "60", "60",
                TestData.sampleDem().toString(), cut.toString()));
    }

    @Test
    @Timeout(180)
    void absurdElevationsAreNoDataWithOneWarning() throws Exception {
        // inf, -inf, 1e30 and a 5 x 5 block of -9999 fill, no NoData tag: 28 cells no DEM holds
        Path dem = python("absurd.tif", "z[10, 10] = np.inf; z[40, 40] = -np.inf; z[20, 20] = 1e30; z[30:35, 30:35] = -9999");
        Path out = tmp.resolve("out");
        Launcher.Result r = runTerrain(dem, out);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(onlyWarning(r, dem).contains("28 cells outside -500 .. 9000 m or not finite are read as NoData"), r.stderr());
        float[] z = Products.cells(out.resolve("terrain/dem.tif"));
        float[] slope = Products.cells(out.resolve("terrain/slope.tif"));
        for (int i : new int[] {10 * 60 + 10, 40 * 60 + 40, 20 * 60 + 20, 32 * 60 + 32}) {
            assertTrue(Float.isNaN(z[i]) && Float.isNaN(slope[i]), "NoData at cell " + i);
        }
        assertTrue(Float.isNaN(slope[10 * 60 + 11]), "the neighbours' slope is NoData too");
        double steepest = 0;
        for (float s : slope) {
            steepest = Float.isNaN(s) ? steepest : Math.max(steepest, s);
        }
        System.out.printf("absurd elevations: steepest slope %.2f deg%n", steepest);
        assertTrue(steepest < 60, "no cliff from absurd values: " + steepest);
    }

    @Test
    @Timeout(180)
    void onlyAbsurdElevationsIsRefused() throws Exception {
        Path dem = python("fill.tif", "z[:, :] = -9999");
        Path out = tmp.resolve("out");
        Launcher.Result r = runTerrain(dem, out);
        assertEquals(2, r.exitCode(), r.stderr());
        ErrorLine.assertOneLine(r.stderr().lines().filter(l -> !l.contains(" WARN ")).reduce("", (a, b) -> a + b + "\n"),
                dem.toString(), "contains no valid elevation (3600 cells outside -500 .. 9000 m or not finite");
        try (var left = Files.exists(out) ? Files.walk(out) : java.util.stream.Stream.<Path>empty()) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".tif")), "no product left");
        }
    }

    @Test
    @Timeout(180)
    void multiBandDemIsReadAsBandOneWithAWarningNamingBand() throws Exception {
        Path dem = tmp.resolve("three.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-b", "1", "-b", "1", "-b", "1", cut.toString(), dem.toString()));
        Path out = tmp.resolve("out");
        Launcher.Result r = runTerrain(dem, out);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(onlyWarning(r, dem).contains("has 3 bands: elevations are read from band 1 (choose another with --band N)"), r.stderr());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"band\" : \"1\""), "the band is a recorded parameter: " + manifest);
    }

    @Test
    @Timeout(180)
    void albersDemNeedsTheEpsgDatabaseAndKeepsItsCrs() throws Exception {
        Path dem = tmp.resolve("albers.tif");
        ExternalTool.run(tmp, List.of("gdalwarp", "-q", "-t_srs", "EPSG:5070", "-tr", "10", "10", "-r", "bilinear",
                cut.toString(), dem.toString()));
        Path out = tmp.resolve("out");
        Launcher.Result r = runTerrain(dem, out);
        assertEquals(0, r.exitCode(), r.stderr());
        String srs = ExternalTool.run(tmp, List.of("gdalsrsinfo", "--single-line", "-o", "epsg", out.resolve("terrain/slope.tif").toString()));
        assertEquals("EPSG:5070", srs.strip());
        assertFalse(Files.exists(tmp.resolve("derby.log")), "Derby (the EPSG database) logs elsewhere than the working directory");
    }

    private Launcher.Result runTerrain(Path dem, Path out) throws Exception {
        return Launcher.eemt(tmp, "run", "--dem", dem.toString(), "--out", out.toString(), "--products", "terrain");
    }

    /** The one warning line of a run about the DEM. */
    private static String onlyWarning(Launcher.Result r, Path dem) {
        List<String> warnings = r.stderr().lines().filter(l -> l.contains("WARN") && l.contains(dem.toString())).toList();
        assertEquals(1, warnings.size(), r.stderr());
        return warnings.get(0);
    }

    /** The cut DEM edited by numpy statements on {@code z} (Float32, rows x columns), written without a NoData tag. */
    private Path python(String name, String edit) throws Exception {
        Path out = tmp.resolve(name);
        String script = "from osgeo import gdal\nimport numpy as np\n"
                + "src = gdal.Open('" + cut + "')\nz = src.GetRasterBand(1).ReadAsArray().astype(np.float32)\n" + edit + "\n"
                + "dst = gdal.GetDriverByName('GTiff').CreateCopy('" + out + "', src)\n"
                + "b = dst.GetRasterBand(1)\nb.DeleteNoDataValue()\nb.WriteArray(z)\ndst = None\n";
        ExternalTool.run(tmp, List.of("/usr/bin/python3", "-c", script));
        return out;
    }
}
