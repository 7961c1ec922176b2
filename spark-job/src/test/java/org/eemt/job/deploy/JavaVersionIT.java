package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The java that {@code submit/eemt} and {@code submit/eemt-submit} start is {@code $JAVA_HOME/bin/java} when JAVA_HOME is
 * set, and a Java 23 or later is refused before anything runs (Hadoop 3.3 under Spark 3.5 asks
 * {@code Subject.getSubject} for the user, which those refuse): one line naming the java and the fix, exit code 3, no
 * output directory. {@code eemt doctor} run by such a java fails its java check. The newer JDK is the one installed
 * beside the default under /usr/lib/jvm on the machines CI runs on.
 */
class JavaVersionIT {
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static Path newJdk;
    private static int newJdkVersion;

    @BeforeAll
    static void findJava23OrLater() throws IOException {
        ProjectFiles.assertPackaged();
        Optional<Path> found = Optional.empty();
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                found = homes.filter(home -> releaseVersion(home) >= 23 && Files.isExecutable(home.resolve("bin/java"))).sorted().findFirst();
            }
        }
        if (found.isEmpty()) {
            System.err.println("\n*** SKIPPED: no Java 23 or later under /usr/lib/jvm (CI's machines have Temurin 25 there). ***\n");
        }
        assumeTrue(found.isPresent(), "no Java 23+ installed");
        newJdk = found.get();
        newJdkVersion = releaseVersion(newJdk);
    }

    @Test
    void eemtRefusesTheJavaOfJavaHomeWhenItIsTooNew() throws Exception {
        Path dir = ProjectFiles.testDirectory(JavaVersionIT.class);
        Path out = dir.resolve("out");
        String line = refusal(dir, "eemt", List.of(ProjectFiles.EEMT.toString(), "run", "--dem", ProjectFiles.SAMPLE_DEM.toString(),
                "--out", out.toString(), "--products", "terrain", "--master", "local[1]"), Map.of("JAVA_HOME", newJdk.toString()));
        assertTrue(line.startsWith("eemt: java " + newJdkVersion + " at " + newJdk.resolve("bin/java") + ": "), line);
        assertTrue(line.contains("Java 17 to 22") && line.contains("JAVA_HOME="), line);
        assertFalse(Files.exists(out), "an output directory was made: " + out);
    }

    @Test
    void eemtSubmitRefusesItToo() throws Exception {
        Path dir = ProjectFiles.testDirectory(JavaVersionIT.class);
        Path out = dir.resolve("out");
        String line = refusal(dir, "eemt-submit", List.of(ProjectFiles.EEMT_SUBMIT.toString(), "local", "--", "run", "--dem",
                ProjectFiles.SAMPLE_DEM.toString(), "--out", out.toString(), "--products", "terrain"), Map.of("JAVA_HOME", newJdk.toString()));
        assertTrue(line.startsWith("eemt-submit: java " + newJdkVersion + " at " + newJdk.resolve("bin/java") + ": "), line);
        assertFalse(Files.exists(out), "an output directory was made: " + out);
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Path dir = ProjectFiles.testDirectory(JavaVersionIT.class);
        Path empty = Files.createDirectories(dir.resolve("not-a-jdk"));
        String line = refusal(dir, "no-java", List.of(ProjectFiles.EEMT.toString(), "demo", "--out", dir.resolve("out").toString()),
                Map.of("JAVA_HOME", empty.toString()));
        assertEquals("eemt: JAVA_HOME=" + empty + " has no bin/java. Point JAVA_HOME at a Java 17 to 22 installation, or unset it to use java on PATH", line);
    }

    @Test
    void doctorFailsItsJavaCheckUnderTheNewJava() throws Exception {
        Path dir = ProjectFiles.testDirectory(JavaVersionIT.class);
        List<String> command = List.of(newJdk.resolve("bin/java").toString(), "-cp", ProjectFiles.EEMT_JAR + ":" + ProjectFiles.SPARK_JARS + "/*",
                "org.eemt.job.cli.EemtCli", "doctor");
        try (ChildProcess doctor = ChildProcess.start(command, Map.of(), dir.resolve("doctor.log"))) {
            assertEquals(3, doctor.await(Duration.ofMinutes(1)), doctor::output);
            assertTrue(Pattern.compile("(?m)^FAIL java +Java " + newJdkVersion + "[^\\n]*Java 17 to 22").matcher(doctor.output()).find(), doctor.output());
        }
        // and the default java passes it
        try (ChildProcess doctor = ChildProcess.start(List.of(ProjectFiles.EEMT.toString(), "doctor"), Map.of(), dir.resolve("doctor-default.log"))) {
            doctor.await(Duration.ofMinutes(1));
            assertTrue(Pattern.compile("(?m)^OK +java +Java (1[7-9]|2[0-2])\\b").matcher(doctor.output()).find(), doctor.output());
        }
    }

    /** Runs {@code command}, which must exit with 3 and print one line (its log's first line is the command); returns that line. */
    private static String refusal(Path dir, String name, List<String> command, Map<String, String> environment) throws Exception {
        try (ChildProcess run = ChildProcess.start(command, environment, dir.resolve(name + ".log"))) {
            assertEquals(3, run.await(Duration.ofMinutes(1)), run::output);
            List<String> lines = new ArrayList<>(run.output().lines().toList());
            lines.remove(0);
            assertEquals(1, lines.size(), () -> "not one line:\n" + run.output());
            return lines.get(0);
        }
    }

    /** The major version in a JDK's {@code release} file, 0 when there is none. */
    private static int releaseVersion(Path home) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
