package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code submit/eemt}'s class archive: the first start makes it in the background (the start itself
 * is not held up), later starts load Spark's classes from it, {@code EEMT_CLASS_ARCHIVE=off} goes
 * without, as do runs with a flight recording, and the products do not change. One made while a build
 * rewrote the jar, which the JVM would refuse without a word, is dropped and made again.
 */
class ClassArchiveIT {
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    @Test
    void laterStartsLoadClassesFromTheArchiveTheFirstMade() throws Exception {
        Path target = ProjectFiles.EEMT_JAR.getParent();
        Path dir = withoutArchives(target);

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

    @Test
    void anArchiveMadeWhileTheJarIsRewrittenIsDroppedAndMadeAgain() throws Exception {
        Path target = ProjectFiles.EEMT_JAR.getParent();
        Path dir = withoutArchives(target);

        try (ChildProcess run = ChildProcess.start(terrainCommand(dir, "during-build"), new HashMap<>(), dir.resolve("during-build.log"))) {
            awaitTraining(target, true, Duration.ofMinutes(1));
            // what a build does to the jar while the archive is being made: the same classes, a new file
            Path copy = target.resolve("eemt.jar.rewritten");
            Files.copy(ProjectFiles.EEMT_JAR, copy);
            Files.setLastModifiedTime(copy, FileTime.from(Files.getLastModifiedTime(ProjectFiles.EEMT_JAR).toInstant().plusSeconds(2)));
            Files.move(copy, ProjectFiles.EEMT_JAR, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertEquals(0, run.await(Duration.ofMinutes(3)), () -> "the run failed:\n" + run.output());
        }
        awaitTraining(target, false, Duration.ofMinutes(3));
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of(), files.filter(ClassArchiveIT::isArchive).toList(), "an archive of the jar before the build was kept");
        }

        terrain(dir, "after-build", Map.of());
        awaitArchive(target, Duration.ofMinutes(3));
        Path classLog = dir.resolve("made-again-classes.log");
        terrain(dir, "made-again", Map.of("EEMT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        assertTrue(Files.readString(classLog).contains("org.apache.spark.SparkContext " + FROM_ARCHIVE),
                "SparkContext not from the archive made after the build");
    }

    /** Checks the application is packaged, deletes its class archives (and their locks); a fresh test directory. */
    private static Path withoutArchives(Path target) throws IOException {
        ProjectFiles.assertPackaged();
        try (Stream<Path> old = Files.list(target)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("eemt-classes-")).toList()) {
                Files.delete(p);
            }
        }
        return ProjectFiles.testDirectory(ClassArchiveIT.class);
    }

    private static boolean isArchive(Path file) {
        return file.getFileName().toString().matches("eemt-classes-.*\\.jsa");
    }

    /** Until the background process that makes the archive has started ({@code running}) or ended. */
    private static void awaitTraining(Path target, boolean running, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(target)) {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith(".eemt-classes-training.")) == running) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the class archive's training " + (running ? "did not start" : "did not end") + " within " + limit);
    }

    /** {@code eemt run} of the sample DEM's terrain products into {@code dir/name}. */
    private static List<String> terrainCommand(Path dir, String name) {
        return List.of(ProjectFiles.EEMT.toString(), "run", "--dem", ProjectFiles.SAMPLE_DEM.toString(),
                "--out", dir.resolve(name).toString(), "--products", "terrain", "--master", "local[1]");
    }

    private static Path terrain(Path dir, String name, Map<String, String> environment) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        try (ChildProcess run = ChildProcess.start(terrainCommand(dir, name), new HashMap<>(environment), dir.resolve(name + ".log"))) {
            assertEquals(0, run.await(Duration.ofMinutes(3)), () -> name + " run failed:\n" + run.output());
        }
        return out;
    }

    /** The archive, once the background process has renamed it into place (empty would mean a failed attempt). */
    private static void awaitArchive(Path target, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> archives = files.filter(ClassArchiveIT::isArchive).toList();
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
