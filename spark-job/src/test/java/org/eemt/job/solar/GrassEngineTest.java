package org.eemt.job.solar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt solar --solar-engine grass} (GRASS GIS on the host, as CI installs it) on the sample
 * DEM in local[2], days 80, 172 and 355 with {@code --keep-daily}: the java engine's product set
 * and values ({@link EngineComparison}); one tile covering the DEM gives bit for bit what r.sun
 * run by hand on the whole DEM gives (the tile carries the DEM's Float64 elevations); four tiles
 * (cores cropped out of windows that cover the DEM) give the one tile's products of day 172 bit for bit;
 * with {@code --shading none} both engines agree to 0.1 % on at least 99.5 % of cells (SCIENCE.md). The
 * GRASS engine's manifest names the GRASS version its tasks ran.
 */
class GrassEngineTest {
    private static final int[] DAYS = {80, 172, 355};

    @TempDir
    static Path tmp;

    @BeforeAll
    static void requireGrass() {
        ExternalTool.require("grass");
    }

    private static Path solar(String name, String days, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("solar", "--dem", TestData.sampleDem().toString(), "--out", out.toString(),
                "--master", "local[2]", "--days", days, "--horizon-distance", "4000", "--keep-daily"));
        args.addAll(List.of(extra));
        long start = System.nanoTime();
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        System.out.printf("eemt solar %s: %.1f s%n", String.join(" ", extra), (System.nanoTime() - start) / 1e9);
        return out;
    }

    @Test
    @Timeout(600)
    void grassAndJavaEnginesGiveTheSameProductsWithinTheDailyModeDifference() throws Exception {
        Path grassOneTile = solar("grass-512", "80,172,355", "--solar-engine", "grass", "--tile-size", "512");
        // r.sun computes in grid north (SCIENCE.md Eq. 2.30)
        Path java = solar("java", "80,172,355", "--shading", "ray", "--tile-size", "512", "--north", "grid");
        EngineComparison.assertAgree(grassOneTile, java, DAYS);

        // the manifest names the GRASS that made the products (g.version in the tasks' sessions); the java engine's has none
        String version = new ObjectMapper().readTree(grassOneTile.resolve("manifest.json").toFile()).path("versions").path("grass").asText();
        assertTrue(version.matches("GRASS 8\\.\\d+\\.\\d+.*"), "manifest versions.grass: '" + version + "'");
        assertTrue(new ObjectMapper().readTree(java.resolve("manifest.json").toFile()).path("versions").path("grass").isMissingNode(),
                "the java engine's manifest names no GRASS");

        Products.assertBitIdentical(grassOneTile, directRsun(172),
                List.of("global/daily/total_sun_day_172.tif", "global/daily/flat_total_sun_day_172.tif", "insol/daily/hours_sun_day_172.tif"));

        Path grassFourTiles = solar("grass-128", "172", "--solar-engine", "grass", "--tile-size", "128");
        Products.assertBitIdentical(grassOneTile, grassFourTiles, EngineComparison.productFiles(grassFourTiles));

        // a rerun into the same directory keeps every product and runs no GRASS: the manifest still names the GRASS
        // that made them (carried from the earlier run's manifest)
        solar("grass-128", "172", "--solar-engine", "grass", "--tile-size", "128");
        JsonNode rerun = new ObjectMapper().readTree(grassFourTiles.resolve("manifest.json").toFile());
        for (JsonNode stage : rerun.path("stages")) {
            assertEquals(0, stage.path("computed").size(), "the rerun computed nothing: " + stage);
        }
        assertEquals(version, rerun.path("versions").path("grass").asText(), "versions.grass after a rerun that ran no GRASS");
    }

    @Test
    @Timeout(600)
    void withoutShadowsTheEnginesAgreeOnAlmostEveryCell() {
        Path grass = solar("grass-none", "80,172,355", "--solar-engine", "grass", "--shading", "none");
        Path java = solar("java-none", "80,172,355", "--shading", "none", "--north", "grid");
        for (int d : DAYS) {
            float[] g = Products.cells(grass.resolve("global/daily/total_sun_day_" + d + ".tif"));
            float[] j = Products.cells(java.resolve("global/daily/total_sun_day_" + d + ".tif"));
            float[] gh = Products.cells(grass.resolve("insol/daily/hours_sun_day_" + d + ".tif"));
            float[] jh = Products.cells(java.resolve("insol/daily/hours_sun_day_" + d + ".tif"));
            int valid = 0;
            int close = 0;
            double hours = 0;
            for (int i = 0; i < g.length; i++) {
                if (!Float.isNaN(g[i])) {
                    valid++;
                    close += Math.abs(g[i] - j[i]) <= 1e-3 * j[i] ? 1 : 0;
                    hours += Math.abs(gh[i] - jh[i]);
                }
            }
            System.out.printf("no shadows, day %d: %.3f %% of cells within 0.1 %%, insolation mean |diff| %.4f h%n",
                    d, 100.0 * close / valid, hours / valid);
            // SCIENCE.md: r.sun -p and the equations differ only on about 0.15 % of cells (steep north slopes)
            assertTrue(close >= 0.995 * valid, "day " + d + ": " + close + " of " + valid + " cells within 0.1 %");
            assertTrue(hours / valid <= 0.02, "day " + d + ": insolation mean |diff| " + hours / valid);
        }
    }

    /** GRASS r.sun run by hand on the whole sample DEM for one day, the outputs named as the daily products. */
    private static Path directRsun(int day) throws Exception {
        Path out = tmp.resolve("r.sun");
        Files.createDirectories(out.resolve("global/daily"));
        Files.createDirectories(out.resolve("insol/daily"));
        String common = "day=" + day + " step=0.25 linke_value=3 albedo_value=0.2";
        String script = "set -e\n"
                + "r.in.gdal --quiet input=" + TestData.sampleDem() + " output=dem\n"
                + "g.region raster=dem\n"
                + "r.slope.aspect --quiet elevation=dem slope=slope aspect=aspect\n"
                + "r.sun --quiet elevation=dem slope=slope aspect=aspect " + common + " glob_rad=g insol_time=i\n"
                + "r.sun -p --quiet elevation=dem slope_value=0 aspect_value=0 " + common + " glob_rad=f\n"
                + "r.out.gdal -c -f --quiet input=g output=global/daily/total_sun_day_" + day + ".tif type=Float32\n"
                + "r.out.gdal -c -f --quiet input=f output=global/daily/flat_total_sun_day_" + day + ".tif type=Float32\n"
                + "r.out.gdal -c -f --quiet input=i output=insol/daily/hours_sun_day_" + day + ".tif type=Float32\n";
        ExternalTool.grass(out, TestData.sampleDem(), script);
        return out;
    }
}
