package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.job.solar.GrassTestImage;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The eemt image as users build it, {@code submit/container/build-image.sh} with podman (its
 * Debian base cached per machine by recipe, the eemt files added on top on every run), used
 * without a network: {@code demo} in local mode, and the GRASS engine (r.sun inside the image)
 * for one day. The image's terrain products equal the host's, and its GRASS products equal the
 * host GRASS engine's, bit for bit. Without root, podman, runc or debootstrap the test is skipped,
 * loudly ({@link GrassTestImage#requireImageBuild}); CI has them (.ci/run).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ContainerImageIT {
    private static final Path CONTAINERS_CONF = GrassTestImage.CONTAINERS_CONF;
    private static Path dir;
    private static String image;

    @BeforeAll
    static void buildImage() throws Exception {
        ProjectFiles.assertPackaged();
        GrassTestImage.requireImageBuild();
        dir = ProjectFiles.testDirectory(ContainerImageIT.class);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        image = "localhost/eemt:" + dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9]", "");
        long start = System.nanoTime();
        try (ChildProcess build = ChildProcess.start(List.of(ProjectFiles.PROJECT.resolve("submit/container/build-image.sh").toString(), image),
                Map.of("CONTAINERS_CONF", CONTAINERS_CONF.toString()), dir.resolve("build-image.log"))) {
            assertEquals(0, build.await(Duration.ofMinutes(10)), build::output);
        }
        System.out.printf("eemt image %s built (base built or found, eemt layer added) in %.1f s%n", image, (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void removeImage() throws Exception {
        if (image != null) {
            podman(List.of("rmi", image), "rmi.log", Duration.ofMinutes(1));
        }
    }

    @Test
    void demoRunsInTheImageWithoutNetwork() throws Exception {
        long start = System.nanoTime();
        String output = podman(List.of("run", "--rm", "--network", "none", "-v", dir + ":/out", image,
                "demo", "--out", "/out/demo", "--master", "local[2]"), "demo.log", Duration.ofMinutes(6));
        System.out.printf("demo in the image: %.1f s%n", (System.nanoTime() - start) / 1e9);
        Path demo = dir.resolve("demo");
        assertTrue(output.contains("eemt: ") && output.contains(" products in /out/demo"), output);
        assertTrue(Files.isRegularFile(demo.resolve("report.html")), "report.html");
        assertFalse(new ObjectMapper().readTree(demo.resolve("manifest.json").toFile()).path("products").isEmpty(), "manifest products");

        Path host = dir.resolve("host-terrain");
        try (ChildProcess run = ChildProcess.start(List.of(ProjectFiles.EEMT.toString(), "run", "--dem", ProjectFiles.SAMPLE_DEM.toString(),
                "--out", host.toString(), "--products", "terrain", "--master", "local[2]"), Map.of(), dir.resolve("host-terrain.log"))) {
            assertEquals(0, run.await(Duration.ofMinutes(3)), run::output);
        }
        List<String> terrain = tifs(host.resolve("terrain")).stream().map(f -> "terrain/" + f).toList();
        assertFalse(terrain.isEmpty(), "no terrain products from the host run");
        Products.assertBitIdentical(demo, host, terrain);
    }

    @Test
    void grassEngineRunsInTheImage() throws Exception {
        List<String> solar = List.of("solar", "--solar-engine", "grass", "--days", "172", "--keep-daily", "--master", "local[2]");
        List<String> inImage = new ArrayList<>(List.of("run", "--rm", "--network", "none", "-v", dir + ":/out", image));
        inImage.addAll(solar);
        inImage.addAll(List.of("--dem", "/opt/eemt/data/sample/mcn_10m.tif", "--out", "/out/grass-image"));
        long start = System.nanoTime();
        podman(inImage, "grass-image.log", Duration.ofMinutes(4));
        System.out.printf("solar --solar-engine grass in the image: %.1f s%n", (System.nanoTime() - start) / 1e9);
        String grass = new ObjectMapper().readTree(dir.resolve("grass-image/manifest.json").toFile()).path("versions").path("grass").asText();
        assertTrue(grass.matches("GRASS 8\\.\\d+\\.\\d+.*"), "manifest versions.grass (the image's GRASS): '" + grass + "'");
        List<String> products = tifs(dir.resolve("grass-image"));
        assertFalse(products.isEmpty(), "no products from the GRASS engine in the image");
        if (ExternalTool.installed("grass")) {
            List<String> onHost = new ArrayList<>(List.of(ProjectFiles.EEMT.toString()));
            onHost.addAll(solar);
            onHost.addAll(List.of("--dem", ProjectFiles.SAMPLE_DEM.toString(), "--out", dir.resolve("grass-host").toString()));
            try (ChildProcess run = ChildProcess.start(onHost, Map.of(), dir.resolve("grass-host.log"))) {
                assertEquals(0, run.await(Duration.ofMinutes(4)), run::output);
            }
            assertEquals(products, tifs(dir.resolve("grass-host")), "the same product set");
            Products.assertBitIdentical(dir.resolve("grass-image"), dir.resolve("grass-host"), products);
        } else {
            System.err.println("\n*** GRASS is not on this host: the image's GRASS products were not compared with the host's. ***\n");
        }
    }

    /** podman with this test's containers.conf; its output, or the test fails with it. */
    private static String podman(List<String> arguments, String log, Duration limit) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(arguments);
        try (ChildProcess podman = ChildProcess.start(command, Map.of("CONTAINERS_CONF", CONTAINERS_CONF.toString()), dir.resolve(log))) {
            assertEquals(0, podman.await(limit), podman::output);
            return podman.output();
        }
    }

    /** The GeoTIFFs under {@code out}, relative to it, sorted. */
    private static List<String> tifs(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".tif")).map(f -> out.relativize(f).toString()).sorted().toList();
        }
    }
}
