package org.eemt.geo.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the project's sample data ({@code data/sample/}) and the test data set
 * ({@code data/test/}: a copy of the team's shared data, with its NOTICE).
 */
public final class TestData {
    private TestData() {
    }

    /** The project's root directory. */
    public static Path projectDir() {
        return Path.of(System.getProperty("eemt.project.dir", "..")).toAbsolutePath().normalize();
    }

    /** {@code data/sample/mcn_10m.tif}: 10 m, EPSG:26913, Float64, NoData NaN. */
    public static Path sampleDem() {
        return existing(projectDir().resolve("data/sample/mcn_10m.tif"));
    }

    /** A file of the test data set {@code data/test/}, e.g. {@code dem/zion_srtm_3arcsec_4326.tif}. */
    public static Path shared(String relative) {
        return existing(projectDir().resolve("data/test").resolve(relative));
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p);
        }
        return p;
    }
}
