package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt bench solar}: the report's lines, and the Java engine's errors against GRASS r.sun's
 * daily mode within the bounds SCIENCE.md §2 and docs/performance.md record (flat within 0.01 %;
 * S_topo of two summer-half days within 1.5 % mean absolute, as the annual acceptance against the
 * daily mode), with the engines alternating in rounds of days. No timing is asserted: speed is shown by
 * running the bench, never asserted.
 */
class SolarBenchCommandTest {
    private static final Pattern ERRORS = Pattern.compile(
            "^(java \\w+): S_topo MARE ([0-9.]+) %, P95 ([0-9.]+) %, mean [-+0-9.]+ %; S_flat MARE ([0-9.]+) %.*insolation MAE ([0-9.]+) h/day",
            Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void againstGrassOnTheSampleDem() {
        ExternalTool.require("grass");
        // GRASS on two of the three days: round 1 is day 120, round 2 days 121 and 172 (GRASS on 172 only)
        // in grid north, as r.sun computes (SCIENCE.md Eq. 2.30)
        String out = run("--dem", TestData.sampleDem().toString(), "--days", "120,121,172", "--grass-days", "120,172", "--rounds", "2",
                "--north", "grid", "--work", tmp.toString());
        Map<String, Integer> daysRun = Map.of("grass r.sun", 2, "java horizon", 3, "java ray", 3);
        daysRun.forEach((engine, days) -> assertTrue(Pattern.compile("^" + engine + " +[0-9.]+ +" + days + " +[0-9.]+ +[0-9.]+ "
                + "\\(extrapolated from " + days + " days\\) +[0-9.]+$", Pattern.MULTILINE).matcher(out).find(), engine + " row missing:\n" + out));
        assertTrue(out.contains("GRASS r.sun CPU per day:"), out);
        // one GRASS session per round: the engines alternated, each round's r.sun timed in its own directory
        assertTrue(out.contains("the engines alternate in 2 rounds of days"), out);
        assertTrue(tmp.resolve("round-1/grass/topo.time").toFile().isFile() && tmp.resolve("round-2/grass/topo.time").toFile().isFile(),
                "a GRASS session per round");
        // each round reports both engines' cost per day over its own days, with their ratio where GRASS ran all of them,
        // and the rounds' ratios are summarised
        assertTrue(Pattern.compile("^round 1/2, days 120-120: GRASS [0-9.]+ CPU s/day; java horizon [0-9.]+ CPU s/day \\([0-9.]+x\\); "
                + "java ray [0-9.]+ CPU s/day \\([0-9.]+x\\)$", Pattern.MULTILINE).matcher(out).find(), "round 1 line missing:\n" + out);
        assertTrue(Pattern.compile("^round 2/2, days 121-172: GRASS [0-9.]+ CPU s/day over 1 of the round's 2 days; "
                + "java horizon [0-9.]+ CPU s/day; java ray [0-9.]+ CPU s/day$", Pattern.MULTILINE).matcher(out).find(), "round 2 line missing:\n" + out);
        for (String engine : List.of("java horizon", "java ray")) {
            assertTrue(Pattern.compile("^" + engine + ": day-cost ratio per round .*: median [0-9.]+, range [0-9.]+-[0-9.]+ over 1 rounds$",
                    Pattern.MULTILINE).matcher(out).find(), engine + " ratio summary missing:\n" + out);
        }
        Matcher m = ERRORS.matcher(out);
        int engines = 0;
        while (m.find()) {
            engines++;
            String at = m.group(1) + ": " + m.group();
            assertTrue(Double.parseDouble(m.group(2)) <= 1.5, at);
            assertTrue(Double.parseDouble(m.group(4)) <= 0.01, at);
            assertTrue(Double.parseDouble(m.group(5)) <= 0.5, at);
        }
        assertEquals(2, engines, out);
    }

    @Test
    void withoutGrassTheJavaEngineRunsAlone() {
        String out = run("--synthetic", "48", "--days", "172", "--shading", "horizon", "--grass", tmp.resolve("no-grass").toString());
        assertTrue(out.contains("DEM synthetic_48.tif: 48 x 48 cells (2304 with data), projected"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("GRASS: ") && l.contains("not found")).count(), out);
        assertTrue(Pattern.compile("^java horizon +[0-9.]+ +1 +[0-9.]+ +[0-9.]+ \\(extrapolated from 1 day\\) +-$", Pattern.MULTILINE)
                .matcher(out).find(), out);
        assertTrue(!out.contains("errors vs GRASS"), out);
        assertTrue(out.contains("round 1/1, days 172-172: GRASS -; java horizon "), out);
        assertTrue(!out.contains("day-cost ratio per round"), out);
    }

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 2];
            all[0] = "bench";
            all[1] = "solar";
            System.arraycopy(args, 0, all, 2, args.length);
            int code = EemtCli.execute(all);
            assertEquals(0, code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out;
    }
}
