package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt bench end-to-end}: on a 60 x 50-cell cut of the sample DEM (made by gdal_translate), two rounds of one
 * GRASS day each and the real {@code eemt solar} on one core for three days: the report's structure (each round's
 * line and phases, the phase table, GRASS's extrapolation, the ratio) and that both tools ran (each round's GRASS
 * session timed its r.sun, each round's command wrote its products, manifest and report). No timing is asserted.
 */
class EndToEndBenchCommandTest {
    private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";

    @TempDir
    Path tmp;

    @Test
    void timesTheCommandAgainstGrass() throws Exception {
        ExternalTool.require("grass");
        Path dem = Gdal.sampleDemWindow(tmp, 0, 0, 60, 50, "tiny.tif");
        Path work = tmp.resolve("work");
        String out = run(0, "--dem", dem.toString(), "--grass-days", "80,172", "--rounds", "2", "--cores", "1",
                "--work", work.toString(), "--", "--days", "80-81,172");
        assertTrue(out.startsWith("DEM tiny.tif: 60 x 50 cells (3000 with data), projected; command: eemt solar --days 80-81,172 "
                + "--master local[1] (a fresh JVM, 3 days); GRASS r.sun days: 80,172; 2 rounds"), out);
        for (int r = 1; r <= 2; r++) {
            String day = r == 1 ? "80" : "172";
            assertTrue(Pattern.compile("^round " + r + "/2: GRASS r.sun days " + day + ": " + NUMBER + " CPU s/day .*; eemt solar: wall "
                    + NUMBER + " s x 1 cores = " + NUMBER + " core s \\(process CPU " + NUMBER + " s\\); ratio per core " + NUMBER
                    + "x; load average ", Pattern.MULTILINE).matcher(out).find(), "round " + r + " line missing:\n" + out);
            Path round = work.resolve("round-" + r);
            assertTrue(Files.size(round.resolve("grass/topo.time")) > 0 && Files.isRegularFile(round.resolve("grass/gs.tif")),
                    "GRASS ran r.sun in round " + r);
            JsonNode manifest = new ObjectMapper().readTree(round.resolve("eemt-out/manifest.json").toFile());
            // S_topo, S_flat and hours of March and June, and the terrain stage's four, whose slope and aspect the solar stage reads
            assertEquals(3 * 2 + 4, manifest.path("products").size(), "solar and terrain products: " + manifest);
            assertEquals("terrain", manifest.path("stages").get(0).path("name").asText());
            assertEquals("solar", manifest.path("stages").get(1).path("name").asText());
            assertTrue(Files.isRegularFile(round.resolve("eemt-out/report.html")), "the command wrote its report in round " + r);
        }
        // each phase's wall and CPU seconds in both rounds
        for (String phase : List.of("start-up \\(JVM, Spark\\)", "checks and plan", "solar", "report", "shutdown", "total")) {
            assertTrue(Pattern.compile("^" + phase + "( +" + NUMBER + "){4}$", Pattern.MULTILINE).matcher(out).find(),
                    "phase row " + phase + " missing:\n" + out);
        }
        assertTrue(Pattern.compile("^GRASS r.sun: setup " + NUMBER + " CPU s, " + NUMBER + " CPU s/day over 2 days -> " + NUMBER
                + " CPU s for the command's 3 days \\(extrapolated from 2 days\\)$", Pattern.MULTILINE).matcher(out).find(), out);
        assertTrue(Pattern.compile("^end-to-end ratio per core: " + NUMBER + "x \\(GRASS CPU / \\(median wall " + NUMBER
                + " s x 1 cores\\)\\); per round: median " + NUMBER + "x, range " + NUMBER + "x?-" + NUMBER + "x over 2 rounds$",
                Pattern.MULTILINE).matcher(out).find(), out);
        assertTrue(Pattern.compile("^CPU ratio: " + NUMBER + "x \\(GRASS CPU / the command's median process CPU " + NUMBER + " s",
                Pattern.MULTILINE).matcher(out).find(), out);
        // a round's phases, each with the CPU its JVM spent in it
        assertTrue(Pattern.compile("^  start-up \\(JVM, Spark\\) " + NUMBER + " s \\(CPU " + NUMBER + " s\\) \\| checks and plan .*"
                + "\\| solar " + NUMBER + " s \\(CPU " + NUMBER + " s\\) \\| report .* \\| shutdown ", Pattern.MULTILINE).matcher(out).find(), out);
    }

    @Test
    void optionsTheBenchGivesAreRefused() {
        String err = run(2, "--synthetic", "16", "--", "--out", tmp.toString());
        assertTrue(err.contains("the bench gives this option to the command itself"), err);
    }

    /** Runs {@code eemt bench end-to-end ARGS}, expecting exit {@code code}; returns stdout (or, on failure, stderr). */
    private static String run(int code, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 2];
            all[0] = "bench";
            all[1] = "end-to-end";
            System.arraycopy(args, 0, all, 2, args.length);
            assertEquals(code, EemtCli.execute(all), out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        String text = (code == 0 ? out : err).toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }
}
