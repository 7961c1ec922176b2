package org.eemt.job.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
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
}
