package org.eemt.job.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.outputs.Manifest;
import org.eemt.job.testing.Launcher;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun into the same output directory resumes: after the job's JVM is killed (SIGKILL) half way,
 * the finished tiles are not recomputed; finished products with a matching checksum are kept; a
 * damaged product is made again; the results equal an undisturbed run.
 */
class ResumeIT {
    private static final List<String> PRODUCTS = List.of("terrain/dem.tif", "terrain/slope.tif", "terrain/aspect.tif",
            "terrain/northness.tif");

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void killedRunResumesAndOnlyUnfinishedWorkIsRedone() throws Exception {
        String dem = TestData.sampleDem().toString();
        Path out = tmp.resolve("out");
        String[] args = {"run", "--dem", dem, "--out", out.toString(), "--products", "terrain", "--tile-size", "16", "--master", "local[2]"};
        int tiles = 15 * 14; // 228x211 cells in 16-cell tiles

        // 1. kill the job's JVM (submit/eemt execs java) once a few dozen tiles are finished
        Process job = Launcher.start(tmp, args);
        long deadline = System.currentTimeMillis() + 240_000;
        while (finishedSlopeTiles(out) < 20) {
            assertTrue(job.isAlive(), "the job ended before it could be killed: " + Files.readString(tmp.resolve("stderr.txt")));
            assertTrue(System.currentTimeMillis() < deadline, "no tiles written in time");
            Thread.sleep(20);
        }
        job.destroyForcibly().waitFor();
        long finishedBeforeKill = finishedSlopeTiles(out);
        assertTrue(finishedBeforeKill < tiles, "killed before the end: " + finishedBeforeKill);
        for (String p : PRODUCTS) {
            assertTrue(!Files.exists(out.resolve(p)), "no product published before the kill: " + p);
        }

        // 2. rerun: the tiles the killed run finished are reused
        Launcher.Result rerun = Launcher.eemt(tmp, args);
        assertEquals(0, rerun.exitCode(), rerun.stderr());
        JsonNode stage = manifest(out).at("/stages/0");
        // each task writes dem, slope, aspect, northness in turn: with two tasks at a time, up to two
        // tiles counted above had their slope but not yet all four
        int resumed = stage.get("tilesResumed").asInt();
        assertTrue(resumed >= finishedBeforeKill - 2 && resumed < tiles, finishedBeforeKill + " slope tiles, " + stage);
        assertEquals(4, stage.get("computed").size(), stage.toString());

        Path reference = tmp.resolve("reference");
        assertEquals(0, EemtCli.execute("run", "--dem", dem, "--out", reference.toString(), "--products", "terrain", "--master", "local[2]"));
        Products.assertBitIdentical(out, reference, PRODUCTS);
        JsonNode resumedProducts = manifest(out).path("products");
        for (String p : PRODUCTS) { // the statistics of the tiles the killed run finished are in the product's
            CellStatistics recorded = Manifest.statistics(resumedProducts.path(p.replace(".tif", "")));
            CellStatistics read = CellStatistics.of(Products.cells(out.resolve(p)));
            assertEquals(read.count(), recorded.count(), p);
            assertEquals(read.min(), recorded.min(), p);
            assertEquals(read.max(), recorded.max(), p);
            assertEquals(read.mean(), recorded.mean(), 1e-12 * Math.abs(read.mean()), p);
            assertEquals(read.sd(), recorded.sd(), 1e-9 * read.sd(), p);
        }

        // 3. a damaged product is made again, the intact ones are kept untouched
        Map<String, FileTime> before = new java.util.HashMap<>();
        for (String p : PRODUCTS) {
            before.put(p, Files.getLastModifiedTime(out.resolve(p)));
        }
        byte[] aspect = Files.readAllBytes(out.resolve("terrain/aspect.tif"));
        aspect[aspect.length / 2] ^= 0x55;
        Files.write(out.resolve("terrain/aspect.tif"), aspect);
        FileTime damaged = Files.getLastModifiedTime(out.resolve("terrain/aspect.tif"));
        Thread.sleep(1100);

        assertEquals(0, EemtCli.execute(args));
        stage = manifest(out).at("/stages/0");
        assertEquals("[\"terrain/aspect\"]", stage.get("computed").toString());
        assertEquals(3, stage.get("kept").size());
        for (String p : List.of("terrain/dem.tif", "terrain/slope.tif", "terrain/northness.tif")) {
            assertEquals(before.get(p), Files.getLastModifiedTime(out.resolve(p)), p + " kept as it was");
        }
        assertTrue(Files.getLastModifiedTime(out.resolve("terrain/aspect.tif")).compareTo(damaged) > 0, "aspect rewritten");
        Products.assertBitIdentical(out, reference, PRODUCTS);
        for (String p : List.of("terrain/dem", "terrain/slope", "terrain/northness")) {
            assertEquals(resumedProducts.path(p), manifest(out).path("products").path(p), p + " kept with its statistics");
        }

        // 4. --overwrite recomputes everything
        assertEquals(0, EemtCli.execute(Stream.concat(Stream.of(args), Stream.of("--overwrite")).toArray(String[]::new)));
        assertEquals(4, manifest(out).at("/stages/0/computed").size());
        assertTrue(!Files.exists(out.resolve(".eemt-work")), "work tiles are removed after a finished run");
    }

    /** Finished work tiles of the slope product (hidden *.part files are tiles being written; *.statistics their statistics). */
    private static long finishedSlopeTiles(Path out) throws Exception {
        Path work = out.resolve(".eemt-work");
        if (!Files.isDirectory(work)) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> runs = Files.list(work)) {
            for (Path run : runs.toList()) {
                Path slope = run.resolve("terrain/slope");
                if (Files.isDirectory(slope)) {
                    try (Stream<Path> files = Files.list(slope)) {
                        count += files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(".") && f.endsWith(".tif")).count();
                    }
                }
            }
        }
        return count;
    }

    private static JsonNode manifest(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }
}
