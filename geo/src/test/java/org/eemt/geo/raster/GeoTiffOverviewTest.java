package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GeoTiffReader#readOverview} reads each overview as GDAL does, and no image that is not one of that scale. */
class GeoTiffOverviewTest {
    @TempDir
    Path tmp;

    @Test
    void everyOverviewOfTheProjectsProductsIsReadAsGdalReadsIt() throws Exception {
        ExternalTool.require("gdal_translate");
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        for (int[] shape : new int[][] {{1197, 643}, {257, 1030}, {600, 600}, {200, 90}}) {
            int w = shape[0];
            int h = shape[1];
            String name = w + "x" + h;
            RasterGrid grid = GeoTiffWriterShapesTest.shaped(dem, w, h);
            float[] cells = new float[w * h];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = i % 13 == 4 || (i % w) < 37 ? Float.NaN : (i / w) * 3.5f - (i % w) * 0.75f;
            }
            Path out = tmp.resolve(name + ".tif");
            GeoTiffWriter.write(grid, cells, out.toString(), "test", "1");
            GeoTiffWriterShapesTest.assertBitsEqual(cells, GeoTiffReader.readOverview(out.toString(), 1), name + " at full resolution");
            int factor = 2;
            for (int level = 0; (Math.max(w, h) + factor / 2 - 1) / (factor / 2) > CogEncoder.TILE; level++, factor *= 2) {
                GeoTiffWriterShapesTest.assertBitsEqual(Gdal.read(tmp, out, level), GeoTiffReader.readOverview(out.toString(), factor),
                        name + " overview " + level + " (1/" + factor + ")");
            }
            assertNull(GeoTiffReader.readOverview(out.toString(), factor), name + ": the pyramid stops at one tile, 1/" + factor);
            assertNull(GeoTiffReader.readOverview(out.toString(), 3), name + ": no overview of 1/3");
        }
    }

    @Test
    void overviewsThatGdalMadeAreReadWithTheirNoData() throws Exception {
        ExternalTool.require("gdal_translate");
        Path dem = TestData.sampleDem();
        Path int16 = tmp.resolve("int16.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-ot", "Int16", "-a_nodata", "-9999", "-scale", "0", "4000", "-9999", "4000",
                "-outsize", "700", "520", dem.toString(), int16.toString()));
        Path cog = tmp.resolve("gdal-cog.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=LZW", "-co", "PREDICTOR=2",
                "-co", "BLOCKSIZE=128", "-co", "OVERVIEW_RESAMPLING=AVERAGE", int16.toString(), cog.toString()));
        for (int level = 0; level < 2; level++) {
            float[] gdal = Gdal.read(tmp, cog, level);
            for (int i = 0; i < gdal.length; i++) {
                gdal[i] = gdal[i] == -9999 ? Float.NaN : gdal[i];
            }
            GeoTiffWriterShapesTest.assertBitsEqual(gdal, GeoTiffReader.readOverview(cog.toString(), 2 << level), "GDAL's overview " + level);
        }
        Path striped = tmp.resolve("striped.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", int16.toString(), striped.toString()));
        assertNull(GeoTiffReader.readOverview(striped.toString(), 2), "a file without overviews");
        float[] full = GeoTiffReader.readOverview(striped.toString(), 1);
        assertEquals(700 * 520, full.length);
        try (GeoTiffReader r = GeoTiffReader.open(striped.toString())) {
            GeoTiffWriterShapesTest.assertBitsEqual(r.read(r.grid().extent()), full, "the first image of a striped file");
        }
    }
}
