package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product writer is right for every image shape (SIS 1.6's writer scrambled images narrower
 * than a tile and taller than one): GDAL reads back every cell, the file is a valid COG with the
 * overviews GDAL expects, and the overviews are NaN-aware 2 x 2 means.
 */
class GeoTiffWriterShapesTest {
    @TempDir
    Path tmp;

    private static final int[][] SHAPES = {
            {3, 3}, {200, 400}, {400, 200}, {255, 257}, {257, 255}, {3, 1000}, {1000, 3}, {1197, 643}, {256, 256}, {512, 513}};

    @Test
    void everyShapeIsReadBackByGdalCellForCellAsAValidCog() throws Exception {
        ExternalTool.require("gdalinfo");
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        for (int[] shape : SHAPES) {
            int w = shape[0];
            int h = shape[1];
            String name = w + "x" + h;
            RasterGrid grid = shaped(dem, w, h);
            float[] cells = new float[w * h];
            for (int i = 0; i < cells.length; i++) {
                // distinct per cell (row and column both show), some NaN
                cells[i] = i % 11 == 5 ? Float.NaN : (i / w) * 1000.5f + (i % w) * 0.25f;
            }
            Path out = tmp.resolve(name + ".tif");
            GeoTiffWriter.write(grid, cells, out.toString(), "Slope of " + name, "degree");

            assertBitsEqual(cells, Gdal.read(tmp, out, -1), name + " as GDAL reads it");
            try (GeoTiffReader back = GeoTiffReader.open(out.toString())) {
                assertBitsEqual(cells, back.read(grid.extent()), name + " as the project reads it");
                assertEquals(dem.crsCode(), back.grid().crsCode(), name);
                assertEquals(grid.originX(), back.grid().originX(), 0, name);
                assertEquals(grid.originY(), back.grid().originY(), 0, name);
                assertEquals(grid.cellWidth(), back.grid().cellWidth(), 0, name);
            }
            String info = ExternalTool.run(tmp, List.of("gdalinfo", out.toString()));
            assertTrue(info.contains("LAYOUT=COG"), name + "\n" + info);
            assertTrue(info.contains("PREDICTOR=3") && info.contains("COMPRESSION=DEFLATE"), name + "\n" + info);
            assertTrue(info.contains("Type=Float32") && info.contains("NoData Value=nan"), name + "\n" + info);
            assertTrue(info.contains("Description = Slope of " + name) && info.contains("Unit Type: degree"), name + "\n" + info);
            assertTrue(info.contains("ID[\"EPSG\",26913]"), name + "\n" + info);
            boolean oneTile = w <= 256 && h <= 256;
            assertEquals(!oneTile, info.contains("Overviews: " + (w + 1) / 2 + "x" + (h + 1) / 2), name + "\n" + info);
            Gdal.validateCog(tmp, out);
            if (!oneTile) {
                assertBitsEqual(halved(cells, w, h), Gdal.read(tmp, out, 0), name + " overview 1 as GDAL reads it");
            }
        }
    }

    @Test
    void float64ProductsOfEveryShapeKeepTheirDigitsInGdal() throws Exception {
        ExternalTool.require("gdalinfo");
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        for (int[] shape : new int[][] {{3, 1000}, {257, 255}}) {
            RasterGrid grid = dem.window(new PixelWindow(0, 0, Math.min(shape[0], dem.columns()), Math.min(shape[1], dem.rows())));
            grid = new RasterGrid(shape[0], shape[1], grid.originX(), grid.originY(), grid.cellWidth(), grid.cellHeight(),
                    grid.crsCode(), grid.crsWkt(), false, grid.semiMajorAxisMetres(), grid.inverseFlattening());
            double[] cells = new double[shape[0] * shape[1]];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = i % 7 == 3 ? Double.NaN : 1000 + i / 3.0;
            }
            Path out = tmp.resolve("f64-" + shape[0] + "x" + shape[1] + ".tif");
            GeoTiffWriter.writeLocal(grid, cells, out);
            try (GeoTiffReader back = GeoTiffReader.open(out.toString())) {
                double[] read = back.readDoubles(grid.extent());
                for (int i = 0; i < cells.length; i++) {
                    assertEquals(Double.doubleToLongBits(cells[i]), Double.doubleToLongBits(read[i]), "cell " + i);
                }
            }
            float[] gdal = Gdal.read(tmp, out, -1);
            for (int i = 0; i < cells.length; i++) {
                assertEquals(Float.floatToIntBits((float) cells[i]), Float.floatToIntBits(gdal[i]), "GDAL cell " + i);
            }
            assertTrue(ExternalTool.run(tmp, List.of("gdalinfo", out.toString())).contains("Type=Float64"));
            Gdal.validateCog(tmp, out);
        }
    }

    @Test
    void aCrsKnownOnlyByItsWktIsWrittenAsGeoKeysThatGdalReadsAsTheSameCrs() throws Exception {
        ExternalTool.require("gdalsrsinfo");
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        RasterGrid wktOnly = new RasterGrid(dem.columns(), dem.rows(), dem.originX(), dem.originY(), dem.cellWidth(),
                dem.cellHeight(), null, dem.crsWkt(), false, dem.semiMajorAxisMetres(), dem.inverseFlattening());
        Path out = tmp.resolve("wkt-only.tif");
        GeoTiffWriter.write(wktOnly, new float[Math.toIntExact(dem.cells())], out.toString());
        String proj = ExternalTool.run(tmp, List.of("gdalsrsinfo", "-o", "proj4", out.toString())).trim();
        assertEquals(ExternalTool.run(tmp, List.of("gdalsrsinfo", "-o", "proj4", TestData.sampleDem().toString())).trim(), proj);
        assertTrue(proj.contains("+proj=utm +zone=13 +datum=NAD83"), proj);
    }

    /** The expected first overview: each cell the mean of the finite cells of its 2 x 2 block. */
    private static float[] halved(float[] cells, int w, int h) {
        int hw = (w + 1) / 2;
        int hh = (h + 1) / 2;
        float[] out = new float[hw * hh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = 2 * y; yy < Math.min(h, 2 * y + 2); yy++) {
                    for (int xx = 2 * x; xx < Math.min(w, 2 * x + 2); xx++) {
                        float v = cells[yy * w + xx];
                        if (!Float.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
                out[y * hw + x] = n == 0 ? Float.NaN : (float) (sum / n);
            }
        }
        return out;
    }

    /** A {@code w x h} grid with the origin, cell size and CRS of {@code dem}. */
    static RasterGrid shaped(RasterGrid dem, int w, int h) {
        return new RasterGrid(w, h, dem.originX(), dem.originY(), dem.cellWidth(), dem.cellHeight(),
                dem.crsCode(), dem.crsWkt(), dem.geographic(), dem.semiMajorAxisMetres(), dem.inverseFlattening());
    }

    static void assertBitsEqual(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of cells");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError(what + ": cell " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }
}
