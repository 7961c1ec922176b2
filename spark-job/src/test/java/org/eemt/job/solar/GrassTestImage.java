package org.eemt.job.solar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;

/**
 * A minimal GRASS GIS + GDAL image for podman, built from Debian packages by
 * {@code spark-job/src/test/container/grass-image.sh} (debootstrap, chroot apt-get, podman import)
 * at most once per machine: the tag carries the recipe's hash and an existing image is reused. The
 * script also writes the containers.conf that podman needs here ({@link #CONTAINERS_CONF}).
 * Without root, debootstrap, podman or runc the calling test is skipped, loudly; CI has them (.ci/run).
 */
final class GrassTestImage {
    /** The containers.conf for podman: runc, no default ulimits (the sandbox refuses to set them). */
    static final Path CONTAINERS_CONF = Path.of("/var/tmp/eemt-grass-test/containers.conf");

    private GrassTestImage() {
    }

    /** Builds the image unless it exists; returns its tag. */
    static String build() throws IOException, InterruptedException {
        for (String tool : List.of("podman", "runc", "debootstrap")) {
            ExternalTool.require(tool);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("\n*** SKIPPED: building the GRASS test image needs root (debootstrap, chroot); CI runs as root. ***\n");
        }
        assumeTrue(root, "not root");
        Path script = TestData.projectDir().resolve("spark-job/src/test/container/grass-image.sh");
        long start = System.nanoTime();
        List<String> lines = ExternalTool.run(TestData.projectDir(), List.of(script.toString(), CONTAINERS_CONF.toString())).strip().lines().toList();
        System.out.printf("GRASS test image: %s%n(%.1f s to build or find)%n", String.join("\n", lines), (System.nanoTime() - start) / 1e9);
        return lines.get(lines.size() - 1);
    }
}
