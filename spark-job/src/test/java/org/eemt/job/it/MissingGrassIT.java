package org.eemt.job.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.ErrorLine;
import org.eemt.job.testing.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --solar-engine grass} where what it needs is missing, through {@code submit/eemt}: exit
 * code 3, one line on stderr naming what is missing and the fix, checked on the driver before
 * Spark starts, no product left. A tool is made missing with a PATH of links to every other
 * executable of the PATH.
 */
class MissingGrassIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void grassNotOnThePath() throws Exception {
        expectEnvironmentError(pathWithout("grass"), "grass", "GRASS GIS is not on the PATH");
    }

    @Test
    @Timeout(120)
    void containerRuntimeNotOnThePath() throws Exception {
        expectEnvironmentError(pathWithout("docker"), "--container-runtime docker", "docker is not on the PATH",
                "--container-runtime", "docker", "--container-image", "localhost/eemt-grass:any");
    }

    @Test
    @Timeout(120)
    void imageNotInTheRuntime() throws Exception {
        ExternalTool.require("podman");
        String image = "localhost/eemt-no-such-image:missing";
        expectEnvironmentError(Map.of(), "--container-image " + image, "podman cannot find the image",
                "--container-runtime", "podman", "--container-image", image);
    }

    /** The environment with a PATH of one directory that links to every executable of the PATH but {@code tool}. */
    private Map<String, String> pathWithout(String tool) throws IOException {
        Path links = Files.createDirectories(tmp.resolve("path-without-" + tool));
        for (String dir : System.getenv("PATH").split(":")) {
            Path directory = Path.of(dir);
            if (dir.isEmpty() || !Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> executables = Files.list(directory)) {
                for (Path executable : executables.filter(Files::isExecutable).toList()) {
                    Path link = links.resolve(executable.getFileName().toString());
                    if (!executable.getFileName().toString().equals(tool) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, executable);
                    }
                }
            }
        }
        return Map.of("PATH", links.toString());
    }

    private void expectEnvironmentError(Map<String, String> environment, String subject, String problem, String... containerOptions)
            throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("solar", "--dem", TestData.sampleDem().toString(), "--out", out.toString(),
                "--master", "local[2]", "--days", "172", "--solar-engine", "grass"));
        args.addAll(List.of(containerOptions));
        Launcher.Result r = Launcher.eemt(tmp, environment, args.toArray(String[]::new));
        assertEquals(3, r.exitCode(), r.stderr());
        ErrorLine.assertOneLine(r.stderr(), subject, problem);
        try (Stream<Path> files = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
            List<Path> left = files.filter(Files::isRegularFile).toList();
            assertTrue(left.isEmpty(), "nothing left in the output directory: " + left);
        }
    }
}
