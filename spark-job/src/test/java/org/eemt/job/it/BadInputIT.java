package org.eemt.job.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.ErrorLine;
import org.eemt.job.testing.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through {@code submit/eemt run}: one line on stderr naming the file, the problem and
 * the fix; exit code 2; no product file left behind.
 */
class BadInputIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void missingDem() throws Exception {
        expectInputError(tmp.resolve("no-such-dem.tif"), tmp.resolve("out"), "file not found");
    }

    @Test
    @Timeout(120)
    void notATiff() throws Exception {
        Path text = tmp.resolve("dem.tif");
        Files.writeString(text, "elevation,1\n");
        expectInputError(text, tmp.resolve("out"), "is not a GeoTIFF");
    }

    @Test
    @Timeout(120)
    void tiffWithoutGeoreferencing() throws Exception {
        Path plain = tmp.resolve("plain.tif");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_USHORT_GRAY), "tiff", plain.toFile());
        expectInputError(plain, tmp.resolve("out"), "has no georeferencing");
    }

    @Test
    @Timeout(180)
    void allNoDataDem() throws Exception {
        RasterGrid grid = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        float[] nodata = new float[Math.toIntExact(grid.cells())];
        java.util.Arrays.fill(nodata, Float.NaN);
        Path dem = tmp.resolve("all-nodata.tif");
        GeoTiffWriter.write(grid, nodata, dem.toString());
        expectInputError(dem, tmp.resolve("out"), "contains only NoData");
    }

    @Test
    @Timeout(120)
    void unwritableOutputDirectory() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Path out = file.resolve("out"); // a directory cannot be made under a file
        Launcher.Result r = Launcher.eemt(tmp, "run", "--dem", TestData.sampleDem().toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        ErrorLine.assertOneLine(r.stderr(), out.toString(), "cannot be written");
    }

    private void expectInputError(Path dem, Path out, String problem) throws IOException, InterruptedException {
        Launcher.Result r = Launcher.eemt(tmp, "run", "--dem", dem.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        ErrorLine.assertOneLine(r.stderr(), dem.toString(), problem);
        try (Stream<Path> files = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
            List<Path> products = files.filter(Files::isRegularFile).toList();
            assertTrue(products.isEmpty(), "nothing left in the output directory: " + products);
        }
    }
}
