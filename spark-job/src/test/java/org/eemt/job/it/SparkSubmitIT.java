package org.eemt.job.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.Launcher;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The built eemt.jar submitted through Spark's own SparkSubmit, as {@code spark-submit eemt.jar run ...} does. */
class SparkSubmitIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void sparkSubmitOfTheJarWritesTheSameProductsAsALocalRun() throws Exception {
        String dem = TestData.sampleDem().toString();
        Path submitted = tmp.resolve("submitted");
        Launcher.Result r = Launcher.sparkSubmit(tmp, List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false"),
                "run", "--dem", dem, "--out", submitted.toString(), "--products", "terrain", "--tile-size", "100");
        assertEquals(0, r.exitCode(), r.stderr());

        Path local = tmp.resolve("local");
        assertEquals(0, EemtCli.execute("run", "--dem", dem, "--out", local.toString(), "--products", "terrain", "--master", "local[2]"));
        Products.assertBitIdentical(submitted, local, List.of("terrain/dem.tif", "terrain/slope.tif", "terrain/aspect.tif",
                "terrain/northness.tif"));
    }

    /**
     * The EPSG database's files (SIS-DATA/, read by Derby through the class path) are stored in the jar, not deflated
     * (Derby's page reads skip through the entry's stream), and the jar is still a jar whose manifest a stream reader finds.
     */
    @Test
    void theJarStoresTheEpsgDatabaseUncompressedBehindItsManifest() throws Exception {
        Path jar = TestData.projectDir().resolve("spark-job/target/eemt.jar");
        int epsgFiles = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().startsWith("SIS-DATA/") && !entry.isDirectory()) {
                    assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName() + " is deflated");
                    epsgFiles++;
                } else if (entry.getName().endsWith(".class")) {
                    assertEquals(ZipEntry.DEFLATED, entry.getMethod(), entry.getName() + " is stored");
                }
            }
        }
        assertTrue(epsgFiles > 100, epsgFiles + " files of the EPSG database in " + jar);
        try (InputStream in = Files.newInputStream(jar); JarInputStream stream = new JarInputStream(in)) {
            assertNotNull(stream.getManifest(), "no manifest at the start of " + jar);
            assertEquals("org.eemt.job.cli.EemtCli", stream.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }
}
