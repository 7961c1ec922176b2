package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code submit/eemt}'s class archive: the first start makes it in the background (the start itself
 * is not held up), later starts load Spark's classes from it, {@code EEMT_CLASS_ARCHIVE=off} goes
 * without, as do runs with a flight recording, and the products do not change.
 */
class ClassArchiveIT {
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    @Test
    void laterStartsLoadClassesFromTheArchiveTheFirstMade() throws Exception {
        ProjectFiles.assertPackaged();
        Path target = ProjectFiles.EEMT_JAR.getParent();
        try (Stream<Path> old = Files.list(target)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("eemt-classes-")).toList()) {
                Files.delete(p);
            }
        }
        Path dir = ProjectFiles.testDirectory(ClassArchiveIT.class);

        Path first = terrain(dir, "first", Map.of());
        awaitArchive(target, Duration.ofMinutes(3));

        Path classLog = dir.resolve("with-archive-classes.log");
        Path second = terrain(dir, "with-archive", Map.of("EEMT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("org.apache.spark.SparkContext " + FROM_ARCHIVE), "SparkContext not from the archive");

        Path offLog = dir.resolve("off-classes.log");
        Path third = terrain(dir, "off", Map.of("EEMT_CLASS_ARCHIVE", "off", "EEMT_JAVA_OPTS", "-Xlog:class+load=info:file=" + offLog));
        assertFalse(Files.readString(offLog).contains(FROM_ARCHIVE), "EEMT_CLASS_ARCHIVE=off still used an archive");

        // a flight recording hooks class loading, which java 17 does not survive with the archive: it runs without
        Path recording = dir.resolve("recorded.jfr");
        Path recordedLog = dir.resolve("recorded-classes.log");
        Path fourth = terrain(dir, "recorded", Map.of("EEMT_JAVA_OPTS",
                "-XX:StartFlightRecording=filename=" + recording + " -Xlog:class+load=info:file=" + recordedLog));
        assertFalse(Files.readString(recordedLog).contains(FROM_ARCHIVE), "a flight recording ran with the archive");
        assertTrue(Files.size(recording) > 0, "no flight recording in " + recording);

        SampleRun.assertSameProducts(first, second);
        SampleRun.assertSameProducts(first, third);
        SampleRun.assertSameProducts(first, fourth);
    }

    private static Path terrain(Path dir, String name, Map<String, String> environment) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> command = List.of(ProjectFiles.EEMT.toString(), "run", "--dem", ProjectFiles.SAMPLE_DEM.toString(),
                "--out", out.toString(), "--products", "terrain", "--master", "local[1]");
        try (ChildProcess run = ChildProcess.start(command, new HashMap<>(environment), dir.resolve(name + ".log"))) {
            assertEquals(0, run.await(Duration.ofMinutes(3)), () -> name + " run failed:\n" + run.output());
        }
        return out;
    }

    /** The archive, once the background process has renamed it into place (empty would mean a failed attempt). */
    private static void awaitArchive(Path target, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> archives = files.filter(p -> p.getFileName().toString().matches("eemt-classes-.*\\.jsa")).toList();
                if (archives.size() == 1) {
                    // renamed into place when complete; left empty (at the end) when it could not be made
                    assertTrue(Files.size(archives.get(0)) > 0, archives.get(0) + " is empty: the archive could not be made");
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no class archive in " + target + " after " + limit);
    }
}
