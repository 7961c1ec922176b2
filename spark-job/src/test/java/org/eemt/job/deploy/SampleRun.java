package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The job every deployment test runs: {@code eemt run} on the sample DEM, and its products from
 * an undisturbed local-mode run to compare with, byte for byte.
 */
final class SampleRun {
    /** The products compared across cluster managers; add products here as the pipeline gains them. */
    static final String PRODUCTS = "terrain,twi,solar";
    /** Solar radiation on four days (equinoxes, solstices), not 365: the solar stage's tasks at a test's cost. */
    private static final String SOLAR_DAYS = "80,172,264,355";
    /** Files that record when and where a run happened, not what it computed. */
    private static final List<String> RUN_RECORDS = List.of("manifest.json", "report.html");
    private static final Map<Integer, Path> LOCAL_REFERENCES = new HashMap<>();

    private SampleRun() {
    }

    static List<String> arguments(String dem, String out, int tileSize) {
        return List.of("run", "--dem", dem, "--out", out, "--products", PRODUCTS, "--days", SOLAR_DAYS,
                "--tile-size", Integer.toString(tileSize));
    }

    /** The products of {@code submit/eemt run} in local mode at this tile size (one run per JVM). */
    static synchronized Path localReference(int tileSize) throws IOException, InterruptedException {
        Path out = LOCAL_REFERENCES.get(tileSize);
        if (out == null) {
            Path dir = Files.createDirectories(ProjectFiles.PROJECT.resolve("spark-job/target/deploy-it"));
            out = Files.createTempDirectory(dir, "local-reference-").resolve("out");
            List<String> command = new ArrayList<>(List.of(ProjectFiles.EEMT.toString()));
            command.addAll(arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), tileSize));
            command.addAll(List.of("--master", "local[2]"));
            try (ChildProcess run = ChildProcess.start(command, Map.of(), out.resolveSibling("run.log"))) {
                assertEquals(0, run.await(Duration.ofMinutes(3)), () -> "local reference run failed:\n" + run.output());
            }
            LOCAL_REFERENCES.put(tileSize, out);
        }
        return out;
    }

    /** Every product file of {@code expected} is in {@code actual} with the same bytes, and no other. */
    static void assertSameProducts(Path expected, Path actual) throws IOException {
        SortedSet<String> expectedFiles = productFiles(expected);
        assertFalse(expectedFiles.isEmpty(), "no products in " + expected);
        assertEquals(expectedFiles, productFiles(actual), "product files of " + actual);
        for (String file : expectedFiles) {
            assertEquals(-1L, Files.mismatch(expected.resolve(file), actual.resolve(file)),
                    () -> file + " differs between " + expected + " and " + actual);
        }
    }

    private static SortedSet<String> productFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            SortedSet<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile)
                    .map(f -> out.relativize(f).toString())
                    .filter(name -> !RUN_RECORDS.contains(name))
                    .forEach(names::add);
            return names;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
