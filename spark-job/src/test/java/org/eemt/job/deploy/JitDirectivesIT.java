package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JVM that {@code submit/eemt} starts compiles the solar day loop without inlining its shadow test, as the launcher
 * directs, and says nothing about the directive: read from C2's own inlining decisions
 * ({@code -XX:CompileCommand=PrintInlining}) in a solar run of the sample DEM, long enough for C2 to compile the loop.
 */
class JitDirectivesIT {
    private static final String DAY_LOOP = "org.eemt.geo.solar.fast.SolarTileModel::cellDay";
    private static final String SHADOW_TEST = "org.eemt.geo.solar.fast.SolarTileModel::isSunlit";

    @Test
    void theDayLoopIsCompiledWithItsShadowTestOutOfLine() throws Exception {
        ProjectFiles.assertPackaged();
        Path dir = ProjectFiles.testDirectory(JitDirectivesIT.class);
        Map<String, String> environment = Map.of("EEMT_JAVA_OPTS",
                "-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=PrintInlining," + DAY_LOOP);
        List<String> command = List.of(ProjectFiles.EEMT.toString(), "solar", "--dem", ProjectFiles.SAMPLE_DEM.toString(),
                "--out", dir.resolve("out").toString(), "--master", "local[1]");
        try (ChildProcess run = ChildProcess.start(command, environment, dir.resolve("solar.log"))) {
            assertEquals(0, run.await(Duration.ofMinutes(3)), () -> "eemt solar failed:\n" + run.output());
            List<String> decisions = run.output().lines().filter(line -> line.contains(SHADOW_TEST)).toList();
            assertFalse(decisions.isEmpty(), () -> "C2 never compiled " + DAY_LOOP + " with its calls:\n" + run.output());
            for (String decision : decisions) {
                assertTrue(decision.strip().endsWith("disallowed by CompileCommand"), () -> "not the directive's decision: " + decision);
            }
            assertTrue(run.output().lines().noneMatch(line -> line.startsWith("CompileCommand:")),
                    () -> "the JVM echoes the launcher's directives:\n" + run.output());
        }
    }
}
