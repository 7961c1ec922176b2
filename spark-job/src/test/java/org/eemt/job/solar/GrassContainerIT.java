package org.eemt.job.solar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.Launcher;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GRASS engine inside podman, through {@code submit/eemt} in local[2]: {@code eemt solar
 * --solar-engine grass --container-runtime podman} with the test image ({@link GrassTestImage}), on
 * the sample DEM as one tile, three days (so three tasks, one GRASS container each). Its products
 * are the java engine's product set with values within {@link EngineComparison}'s bounds, and,
 * where GRASS is installed on the host too (CI), bit for bit the host GRASS engine's products; its
 * manifest names the image's GRASS version.
 */
class GrassContainerIT {
    private static final int[] DAYS = {80, 172, 355};

    @TempDir
    Path tmp;

    private Path solar(String name, String... options) throws Exception {
        Path out = tmp.resolve(name);
        Path work = Files.createDirectories(tmp.resolve(name + "-work"));
        List<String> args = new ArrayList<>(List.of("solar", "--dem", TestData.sampleDem().toString(), "--out", out.toString(),
                "--master", "local[2]", "--days", "80,172,355", "--keep-daily", "--horizon-distance", "4000", "--tile-size", "512"));
        args.addAll(List.of(options));
        long start = System.nanoTime();
        Launcher.Result r = Launcher.eemt(work, Map.of("CONTAINERS_CONF", GrassTestImage.CONTAINERS_CONF.toString()),
                args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        System.out.printf("submit/eemt solar %s: %.1f s%n", String.join(" ", options), (System.nanoTime() - start) / 1e9);
        return out;
    }

    @Test
    @Timeout(900)
    void grassEngineInPodmanGivesTheProductsOfTheHostEngines() throws Exception {
        String image = GrassTestImage.build();
        Path podman = solar("podman", "--solar-engine", "grass", "--container-runtime", "podman", "--container-image", image,
                "--container-args", "--pull=never");
        // r.sun computes in grid north (SCIENCE.md Eq. 2.30)
        EngineComparison.assertAgree(podman, solar("java", "--shading", "ray", "--north", "grid"), DAYS);
        String version = new ObjectMapper().readTree(podman.resolve("manifest.json").toFile()).path("versions").path("grass").asText();
        assertTrue(version.matches("GRASS 8\\.\\d+\\.\\d+.*"), "manifest versions.grass (the image's GRASS): '" + version + "'");
        if (ExternalTool.installed("grass")) {
            Path host = solar("host", "--solar-engine", "grass");
            Products.assertBitIdentical(podman, host, EngineComparison.productFiles(host));
        } else {
            System.err.println("\n*** GRASS is not on this host: the podman products were compared with the java engine only. ***\n");
        }
    }
}
