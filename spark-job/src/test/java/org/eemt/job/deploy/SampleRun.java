package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
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
import javax.imageio.ImageIO;
import org.eemt.job.testing.Products;

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
        List<String> differing = new ArrayList<>();
        for (String file : expectedFiles) {
            if (Files.mismatch(expected.resolve(file), actual.resolve(file)) != -1L) {
                differing.add(file + " (" + difference(expected.resolve(file), actual.resolve(file)) + ")");
            }
        }
        assertTrue(differing.isEmpty(), () -> differing.size() + " of " + expectedFiles.size() + " product files differ between "
                + expected + " and " + actual + ": " + String.join("; ", differing));
    }

    /** How two files that differ differ: cells of a GeoTIFF, pixels of a PNG, else the first byte. */
    private static String difference(Path expected, Path actual) throws IOException {
        String name = expected.getFileName().toString();
        if (name.endsWith(".tif")) {
            float[] x = Products.cells(expected);
            float[] y = Products.cells(actual);
            if (x.length != y.length) {
                return x.length + " and " + y.length + " cells";
            }
            int cells = 0;
            int noDataInOne = 0;
            double largest = 0;
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToIntBits(x[i]) != Float.floatToIntBits(y[i])) {
                    cells++;
                    if (Float.isNaN(x[i]) != Float.isNaN(y[i])) {
                        noDataInOne++;
                    } else {
                        largest = Math.max(largest, Math.abs((double) x[i] - y[i]));
                    }
                }
            }
            return cells + " of " + x.length + " cells differ: " + noDataInOne + " NoData in one file only, the others by up to " + largest;
        }
        if (name.endsWith(".png")) {
            BufferedImage a = ImageIO.read(expected.toFile());
            BufferedImage b = ImageIO.read(actual.toFile());
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
                return "images of " + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth() + "x" + b.getHeight();
            }
            int pixels = 0;
            int left = a.getWidth(), top = a.getHeight(), right = -1, bottom = -1;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    if (a.getRGB(x, y) != b.getRGB(x, y)) {
                        pixels++;
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = y;
                    }
                }
            }
            return pixels == 0 ? "same pixels, other bytes" : pixels + " pixels differ, in x " + left + ".." + right + ", y " + top + ".." + bottom;
        }
        return "first at byte " + Files.mismatch(expected, actual);
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
