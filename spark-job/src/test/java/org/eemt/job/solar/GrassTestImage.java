package org.eemt.job.solar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;

/**
 * The Debian image with GRASS GIS, GDAL and Java that the eemt image is built on: the base step
 * of {@code submit/container/build-image.sh --base-only} (debootstrap, chroot apt-get, podman
 * import), built at most once per machine (the tag carries the recipe's hash and an existing image
 * is reused), so the GRASS container tests and the eemt image test share one Debian tree.
 * Without root, debootstrap, podman or runc the calling test is skipped, loudly; CI has them (.ci/run).
 */
public final class GrassTestImage {
    /** The containers.conf for podman: runc, no default ulimits (the sandbox refuses to set them). */
    public static final Path CONTAINERS_CONF = Path.of("/var/tmp/eemt-image-test/containers.conf");

    private GrassTestImage() {
    }

    /** Skips the calling test, loudly, unless images can be built here; writes {@link #CONTAINERS_CONF}. */
    public static void requireImageBuild() throws IOException {
        for (String tool : List.of("podman", "runc", "debootstrap")) {
            ExternalTool.require(tool);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("\n*** SKIPPED: building images needs root (debootstrap, chroot); CI runs as root. ***\n");
        }
        assumeTrue(root, "not root");
        Files.createDirectories(CONTAINERS_CONF.getParent());
        Files.writeString(CONTAINERS_CONF, "[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = \"runc\"\n");
    }

    /** Builds the base image unless it exists; returns its tag. */
    static String build() throws IOException, InterruptedException {
        requireImageBuild();
        Path script = TestData.projectDir().resolve("submit/container/build-image.sh");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--base-only").redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", CONTAINERS_CONF.toString());
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).strip().lines().toList();
        if (process.waitFor() != 0) {
            throw new AssertionError("build-image.sh --base-only failed:\n" + String.join("\n", lines));
        }
        System.out.printf("GRASS test image: %s%n(%.1f s to build or find)%n", String.join("\n", lines), (System.nanoTime() - start) / 1e9);
        return lines.get(lines.size() - 1);
    }
}
