package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eemt.geo.testing.ClimateStandIn;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.eemt.geo.testing.TestData;
import org.eemt.job.eemt.EemtRunTest;
import org.eemt.job.testing.InProcessCli;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt fetch-daymet} and {@code fetch-terraclimate} through the CLI against the stand-in
 * services ({@link ClimateStandIn}): exit codes and one-line errors, the token kept out of every
 * output, and an EEMT run on the fetched files identical to a run on the same data given directly.
 */
class FetchDaymetCommandTest {
    @RegisterExtension
    final ClimateStandIn service = new ClimateStandIn();

    @TempDir
    Path tmp;

    @Test
    void yearsBeforeDaymetAreAnInputError() {
        run("--dem", TestData.sampleDem().toString(), "--years", "1975-1981").outcome.onlyEemtLine(2);
    }

    @Test
    void withoutCredentialsOneLineSaysHowToLogIn() {
        String line = run("--dem", TestData.sampleDem().toString(), "--years", "2000", "--netrc", tmp.resolve("none").toString())
                .outcome.onlyEemtLine(3);
        assertTrue(line.contains("Earthdata Login needed") && line.contains("EARTHDATA_TOKEN") && line.contains("--token-file")
                && line.contains("~/.netrc"), line);
    }

    @Test
    void aRefusedTokenIsOneLineAndNeverPrinted() throws IOException {
        Path token = Files.writeString(tmp.resolve("token"), "expired-secret-token-99\n");
        Result r = run("--dem", TestData.sampleDem().toString(), "--years", "2000", "--base-url", service.granules(),
                "--token-file", token.toString(), "--netrc", tmp.resolve("none").toString());
        String line = r.outcome.onlyEemtLine(3);
        assertTrue(line.contains("HTTP 401"), line);
        assertFalse(r.outcome.stderr().contains("expired-secret-token-99") || r.stdout.contains("expired-secret-token-99"));
    }

    @Test
    void fetchedClimateRunsToTheSameEemtAsTheDataGivenDirectly() throws Exception {
        ExternalTool.require("ncgen");
        // a 64 x 64 cell corner of the sample DEM keeps the two runs short
        Path dem = Gdal.sampleDemWindow(tmp, 100, 80, 64, 64, "dem.tif");
        Path token = Files.writeString(tmp.resolve("token"), ClimateStandIn.TOKEN + "\n");
        Path fetched = tmp.resolve("fetched");
        service.fault("503");
        Result r = run("--dem", dem.toString(), "--years", "2000", "--base-url", service.granules(),
                "--token-file", token.toString(), "--netrc", tmp.resolve("none").toString(), "--out", fetched.toString());
        assertEquals(0, r.outcome.exitCode(), r.outcome.stderr());
        assertTrue(r.stdout.contains("fetch-daymet: 4 files downloaded") && r.stdout.contains("HTTP 503, retrying"), r.stdout);
        assertFalse(r.stdout.contains(ClimateStandIn.TOKEN) || r.outcome.stderr().contains(ClimateStandIn.TOKEN));

        // the same virtual granules given directly: a wider window, made with ncgen
        Matcher m = Pattern.compile("columns (\\d+)-(\\d+), rows (\\d+)-(\\d+)").matcher(r.stdout);
        assertTrue(m.find(), r.stdout);
        Path direct = Files.createDirectories(tmp.resolve("direct"));
        for (String name : new String[] {"tmax_monavg", "tmin_monavg", "prcp_monttl", "vp_monavg"}) {
            service.daymetFile(direct.resolve("daymet_v4_" + name + "_na_2000.nc"), name.substring(0, name.indexOf('_')), 2000,
                    Integer.parseInt(m.group(1)) - 2, Integer.parseInt(m.group(2)) + 3, Integer.parseInt(m.group(3)) - 4,
                    Integer.parseInt(m.group(4)) + 1);
        }
        Path a = eemt(dem, "from-fetch", fetched);
        Path b = eemt(dem, "given-directly", direct);
        List<String> products = EemtRunTest.products(List.of(2000));
        Products.assertBitIdentical(a, b, products);
        float[] annual = Products.cells(a.resolve("eemt/annual/EEMT_Topo_2000.tif"));
        long finite = 0;
        for (float v : annual) {
            finite += Float.isFinite(v) ? 1 : 0;
        }
        System.out.printf("fetch-daymet -> run: %d products bit-identical to the run on the data given directly; %d finite EEMT_TOPO cells%n",
                products.size(), finite);
        assertTrue(finite > annual.length / 2, "EEMT_TOPO finite on most cells: " + finite);
        for (Path dir : List.of(fetched, a)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(ClimateStandIn.TOKEN),
                            "the token is in " + f);
                }
            }
        }
    }

    @Test
    void pointAndTerraClimateThroughTheCli() throws IOException {
        ExternalTool.require("ncgen");
        Result point = run("--point", "35.80,-106.62", "--years", "2000-2001", "--base-url", service.url() + "/single-pixel/api/data");
        assertEquals(0, point.outcome.exitCode(), point.outcome.stderr());
        assertTrue(point.stdout.contains("use it as --climate " + tmp.resolve("climate").resolve("daymet_single_pixel_35.8000_-106.6200_2000-2001.csv")),
                point.stdout);
        run("--point", "35.80", "--years", "2000").outcome.onlyEemtLine(2);

        Result terra = capture(List.of("fetch-terraclimate", "--dem", TestData.sampleDem().toString(), "--years", "2000",
                "--out", tmp.resolve("tc").toString(), "--base-url", service.url() + "/thredds/ncss/TERRACLIMATE_ALL/data"));
        assertEquals(0, terra.outcome.exitCode(), terra.outcome.stderr());
        assertTrue(terra.stdout.contains("fetch-terraclimate: 4 files downloaded"), terra.stdout);
        String line = capture(List.of("fetch-terraclimate", "--dem", TestData.sampleDem().toString(), "--years", "1950",
                "--out", tmp.resolve("tc").toString())).outcome.onlyEemtLine(2);
        assertTrue(line.contains("1958"), line);
    }

    private Path eemt(Path dem, String name, Path climate) {
        Path out = tmp.resolve(name);
        Result r = capture(List.of("run", "--dem", dem.toString(), "--out", out.toString(), "--products", "eemt",
                "--master", "local[2]", "--step", "1", "--shading", "none", "--climate", climate.toString(), "--years", "2000"));
        assertEquals(0, r.outcome.exitCode(), r.outcome.stderr());
        return out;
    }

    private record Result(InProcessCli.Outcome outcome, String stdout) {
    }

    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch-daymet", "--retry-pause-ms", "5"));
        args.addAll(List.of(extra));
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", tmp.resolve("climate").toString()));
        }
        return capture(args);
    }

    /** Runs the CLI in this JVM keeping standard output too (the token must not appear there either). */
    private static Result capture(List<String> args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            InProcessCli.Outcome outcome = InProcessCli.execute(args);
            return new Result(outcome, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }
}
