package org.eemt.geo.grass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting GRASS: a failing script's error reaches the caller with the tail of GRASS's log; the
 * container command lines mount the scratch directory at its own path and run grass with HOME and
 * TMPDIR in it (podman and docker run for real in the spark-job container test; apptainer and
 * singularity are not installed here, so their command line is all that is checked).
 */
class GrassCommandTest {
    @TempDir
    Path scratch;

    @Test
    void aFailingScriptThrowsWithTheTailOfGrassLog() throws Exception {
        ExternalTool.require("grass");
        Path dem = Files.copy(TestData.sampleDem(), scratch.resolve("dem.tif"));
        Path script = Files.writeString(scratch.resolve("fail.sh"), "set -e\nr.in.gdal --quiet input=" + scratch.resolve("no-such.tif") + " output=dem\n");
        IOException e = assertThrows(IOException.class, () -> new GrassCommand(ContainerRuntime.NONE, null, List.of()).run(scratch, dem, script));
        assertTrue(e.getMessage().contains("last lines of its log"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such.tif"), "GRASS's own error is in the message: " + e.getMessage());
    }

    @Test
    void containerCommandsBindTheScratchDirectoryAtItsOwnPath() throws Exception {
        String s = scratch.toString();
        List<String> grass = List.of("grass", "--version");
        List<String> apptainer = new GrassCommand(ContainerRuntime.APPTAINER, "/images/grass.sif", List.of("--cleanenv")).command(scratch, grass);
        assertEquals(List.of("apptainer", "exec", "--bind", s, "--pwd", s, "--cleanenv", "/images/grass.sif",
                "env", "HOME=" + s, "TMPDIR=" + s, "grass", "--version"), apptainer);
        List<String> docker = new GrassCommand(ContainerRuntime.DOCKER, "grass:8", List.of()).command(scratch, grass);
        assertEquals(List.of("docker", "run", "--rm", "--network", "none", "-v", s + ":" + s, "-w", s), docker.subList(0, 9));
        assertEquals(List.of("grass:8", "env", "HOME=" + s, "TMPDIR=" + s, "grass", "--version"), docker.subList(docker.size() - 6, docker.size()));
        assertEquals(List.of("env", "HOME=" + s, "TMPDIR=" + s, "grass", "--version"), new GrassCommand(ContainerRuntime.NONE, null, List.of()).command(scratch, grass));
    }

    @Test
    void aContainerRuntimeWithoutImageIsAUsageError() {
        EemtException e = assertThrows(EemtException.class, () -> new GrassCommand(ContainerRuntime.PODMAN, " ", List.of()));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("--container-image: "), e.getMessage());
    }
}
