package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's launchers, built artifacts and sample data, as the deployment tests use them. */
final class ProjectFiles {
    static final Path PROJECT = Path.of(System.getProperty("eemt.project.dir", "..")).toAbsolutePath().normalize();
    static final Path EEMT = PROJECT.resolve("submit/eemt");
    static final Path EEMT_SUBMIT = PROJECT.resolve("submit/eemt-submit");
    static final Path EEMT_JAR = PROJECT.resolve("spark-job/target/eemt.jar");
    static final Path SPARK_JARS = PROJECT.resolve("spark-job/target/spark-jars");
    static final Path SAMPLE_DEM = PROJECT.resolve("data/sample/mcn_10m.tif");

    private ProjectFiles() {
    }

    /** A fresh directory for one test class's clusters, outputs and logs, kept under target/ for a look after a failure. */
    static Path testDirectory(Class<?> testClass) throws java.io.IOException {
        Path parent = Files.createDirectories(PROJECT.resolve("spark-job/target/deploy-it"));
        return Files.createTempDirectory(parent, testClass.getSimpleName() + "-");
    }

    /** The packaged application: the deployment tests run after {@code package} (failsafe). */
    static void assertPackaged() {
        assertTrue(Files.isRegularFile(EEMT_JAR), EEMT_JAR + " missing: run the tests with mvn verify");
        assertTrue(Files.isDirectory(SPARK_JARS), SPARK_JARS + " missing: run the tests with mvn verify");
    }
}
