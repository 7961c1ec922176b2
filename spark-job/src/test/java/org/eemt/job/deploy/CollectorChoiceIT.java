package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JVM that {@code submit/eemt} starts uses the parallel garbage collector, unless {@code EEMT_JAVA_OPTS} names a
 * collector, which then is the one used (the JVM refuses to start with two). Read from the JVM's own {@code -Xlog:gc}
 * line ("Using Parallel").
 */
class CollectorChoiceIT {
    @Test
    void parallelByDefault() throws Exception {
        assertEquals("Parallel", collector("default", ""));
    }

    @Test
    void aCollectorNamedInEemtJavaOptsIsTheOneUsed() throws Exception {
        assertEquals("G1", collector("g1", "-XX:+UseG1GC"));
        assertEquals("Serial", collector("serial", "-Xss2m -XX:+UseSerialGC"));
    }

    /** The collector a {@code submit/eemt --version} JVM reports, with these {@code EEMT_JAVA_OPTS}. */
    private static String collector(String name, String javaOptions) throws Exception {
        ProjectFiles.assertPackaged();
        Path dir = ProjectFiles.testDirectory(CollectorChoiceIT.class);
        Path gcLog = dir.resolve(name + "-gc.log");
        Map<String, String> environment = new HashMap<>(Map.of("EEMT_JAVA_OPTS", (javaOptions + " -Xlog:gc:file=" + gcLog).trim()));
        try (ChildProcess run = ChildProcess.start(List.of(ProjectFiles.EEMT.toString(), "--version"), environment, dir.resolve(name + ".log"))) {
            assertEquals(0, run.await(Duration.ofMinutes(2)), () -> name + ": eemt --version failed:\n" + run.output());
        }
        String log = Files.readString(gcLog);
        int at = log.indexOf("Using ");
        assertTrue(at >= 0, () -> "no collector named in " + gcLog + ":\n" + log);
        return log.substring(at + "Using ".length()).lines().findFirst().orElseThrow().trim();
    }
}
