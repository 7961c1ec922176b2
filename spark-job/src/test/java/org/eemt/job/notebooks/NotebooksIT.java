package org.eemt.job.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code %spark} paragraph of every note in {@code notebooks/}, in order, in the Scala 2.12
 * REPL against a local SparkSession and the built eemt.jar ({@link NotebookRunner} in a child
 * JVM whose class path has eemt.jar but not the module's classes). A failing paragraph fails the
 * build.
 */
class NotebooksIT {
    private static final Path NOTEBOOKS = TestData.projectDir().resolve("notebooks");

    @TempDir
    Path tmp;

    @Test
    void theFourNotesAreZeppelinNotesOfMarkdownAndSparkScala() throws IOException {
        List<ZeppelinNote> notes = ZeppelinNote.all(NOTEBOOKS);
        assertEquals(List.of("01-quick-start", "02-solar-radiation", "03-eemt-by-aspect-and-wetness", "04-running-on-a-cluster"),
                notes.stream().map(n -> n.file().getFileName().toString().replaceFirst("_[0-9A-Z]{9}\\.zpln$", "")).toList());
        for (ZeppelinNote note : notes) {
            assertEquals("spark", note.defaultInterpreterGroup(), note.file().toString());
            assertTrue(note.file().getFileName().toString().contains("_" + noteId(note) + ".zpln"), "file name ends with the note id");
            assertTrue(note.paragraphs().stream().anyMatch(ZeppelinNote.Paragraph::isSparkScala), note.name() + ": a %spark paragraph");
            assertTrue(note.paragraphs().stream().anyMatch(p -> p.interpreter().equals("md")), note.name() + ": a %md paragraph");
        }
    }

    @Test
    @Timeout(600)
    void everySparkParagraphOfEveryNoteRunsInTheScalaRepl() throws Exception {
        Result r = runNotes(NOTEBOOKS);
        System.out.println(r.output()); // kept in target/failsafe-reports for reading the notes' output
        assertEquals(0, r.exitCode(), r.output());
        long ran = r.output().lines().filter(l -> l.startsWith("ok   ")).count();
        long expected = 0;
        for (ZeppelinNote note : ZeppelinNote.all(NOTEBOOKS)) {
            expected += note.paragraphs().stream().filter(ZeppelinNote.Paragraph::isSparkScala).count();
        }
        assertEquals(expected, ran, r.output());
    }

    @Test
    @Timeout(300)
    void aFailingParagraphStopsTheRunAndIsNamed() throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("broken-notes"));
        Files.writeString(notes.resolve("broken_2EEMTBRKN.zpln"), """
                {"paragraphs": [
                  {"text": "%spark\\nval answer = spark.range(6).count()", "id": "p1"},
                  {"text": "%spark\\nval wrong: String = answer", "id": "p2"},
                  {"text": "%spark\\nprintln(\\"never\\")", "id": "p3"}],
                 "name": "broken", "id": "2EEMTBRKN", "defaultInterpreterGroup": "spark"}
                """, StandardCharsets.UTF_8);
        Result r = runNotes(notes);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ok   broken_2EEMTBRKN.zpln paragraph 1"), r.output());
        assertTrue(r.output().contains("FAILED: broken_2EEMTBRKN.zpln paragraph 2 (p2): error"), r.output());
        assertTrue(!r.output().contains("paragraph 3"), r.output());
    }

    private static String noteId(ZeppelinNote note) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(note.file().toFile()).path("id").asText();
    }

    private record Result(int exitCode, String output) {
    }

    private Result runNotes(Path notes) throws IOException, InterruptedException, URISyntaxException {
        Path target = TestData.projectDir().resolve("spark-job/target");
        List<String> classPath = new ArrayList<>();
        classPath.add(jarOf(NotebookRunner.class));
        classPath.add(target.resolve("eemt.jar").toString());
        try (Stream<Path> jars = Files.list(target.resolve("spark-jars"))) {
            jars.sorted().forEach(j -> classPath.add(j.toString()));
        }
        classPath.add(jarOf(scala.tools.nsc.interpreter.IMain.class));
        classPath.add(jarOf(scala.reflect.api.Universe.class));
        classPath.add(jarOf(org.apache.spark.repl.Main.class));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        command.addAll(List.of(System.getProperty("eemt.test.opens", "").split(" ")).stream().filter(s -> !s.isBlank()).toList());
        Path scratch = Files.createDirectories(tmp.resolve("scratch-" + notes.getFileName()));
        command.addAll(List.of("-Deemt.home=" + TestData.projectDir(), "-Djava.io.tmpdir=" + scratch,
                "-Dlog4j2.configurationFile=" + TestData.projectDir().resolve("conf/log4j2.properties"),
                "-cp", String.join(File.pathSeparator, classPath), NotebookRunner.class.getName(), notes.toString(), scratch.toString()));
        Path log = tmp.resolve("notebooks-" + notes.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(9, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("notebooks timed out:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
