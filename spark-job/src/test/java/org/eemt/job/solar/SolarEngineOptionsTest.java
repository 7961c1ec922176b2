package org.eemt.job.solar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad values of the engine options are usage errors: exit code 2, one line naming the option, before Spark starts. */
class SolarEngineOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void unknownEngine() {
        assertUsageError("--solar-engine fortran: unknown solar engine. Use java or grass", "--solar-engine", "fortran");
    }

    @Test
    void unknownContainerRuntime() {
        assertUsageError("--container-runtime lxc: unknown container runtime", "--solar-engine", "grass", "--container-runtime", "lxc");
    }

    @Test
    void containerRuntimeWithoutImage() {
        assertUsageError("--container-image: no image given for --container-runtime podman", "--solar-engine", "grass",
                "--container-runtime", "podman");
    }

    private void assertUsageError(String expected, String... options) {
        List<String> args = new ArrayList<>(List.of("solar", "--dem", TestData.sampleDem().toString(), "--out", tmp.resolve("out").toString(),
                "--master", "local[2]", "--days", "172"));
        args.addAll(List.of(options));
        InProcessCli.Outcome outcome = InProcessCli.execute(args);
        assertTrue(outcome.onlyEemtLine(2).startsWith("eemt: " + expected), outcome.stderr());
    }
}
