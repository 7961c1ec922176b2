package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.eemt.geo.EemtException;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoTiffRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void windowsReadTheSameValuesAsGdal() throws Exception {
        ExternalTool.require("gdallocationinfo");
        Path dem = TestData.sampleDem();
        try (GeoTiffReader r = GeoTiffReader.open(dem.toString())) {
            float[] window = r.read(new PixelWindow(10, 50, 7, 61));
            for (int[] cell : new int[][] {{10, 50}, {16, 50}, {10, 110}, {13, 77}}) {
                String gdal = ExternalTool.run(tmp, List.of("gdallocationinfo", "-valonly", dem.toString(),
                        String.valueOf(cell[0]), String.valueOf(cell[1]))).trim();
                assertEquals((float) Double.parseDouble(gdal), window[(cell[1] - 50) * 7 + (cell[0] - 10)], 0f,
                        "cell " + cell[0] + "," + cell[1]);
            }
        }
    }

    @Test
    void writtenFileIsAFloat32TiledDeflateGeoTiffWithNaNNoDataThatGdalReads() throws Exception {
        ExternalTool.require("gdalinfo");
        RasterGrid grid = GeoTiffReader.readGrid(TestData.shared("dem/zion_srtm_3arcsec_4326.tif").toString());
        float[] cells = new float[Math.toIntExact(grid.cells())];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i % 17 == 0 ? Float.NaN : i * 0.25f;
        }
        Path out = tmp.resolve("out.tif");
        GeoTiffWriter.write(grid, cells, out.toString());

        try (GeoTiffReader back = GeoTiffReader.open(out.toString())) {
            assertEquals(grid.columns(), back.grid().columns());
            assertEquals(grid.originX(), back.grid().originX(), 1e-12);
            assertEquals(grid.cellHeight(), back.grid().cellHeight(), 1e-15);
            assertTrue(back.grid().geographic());
            assertArrayEquals(cells, back.read(grid.extent()));
        }
        String info = ExternalTool.run(tmp, List.of("gdalinfo", out.toString()));
        assertTrue(info.contains("Type=Float32"), info);
        assertTrue(info.contains("Block=256x256"), info);
        assertTrue(info.contains("COMPRESSION=DEFLATE"), info);
        assertTrue(info.contains("NoData Value=nan"), info);
        assertTrue(info.contains("ID[\"EPSG\",4326]"), info);
        assertTrue(info.contains("Origin = (-113.2395832127840"), info);
    }

    @Test
    void imagesSmallerThanOneTileOrWithPartialTilesRoundTripCellForCellAlsoInGdal() throws Exception {
        ExternalTool.require("gdallocationinfo");
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        for (int[] size : new int[][] {{64, 64}, {28, 11}, {228, 211}, {300, 20}, {257, 300}}) {
            RasterGrid grid = dem.window(new PixelWindow(0, 0, size[0], size[1]));
            float[] cells = new float[size[0] * size[1]];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = i;
            }
            Path out = tmp.resolve(size[0] + "x" + size[1] + ".tif");
            GeoTiffWriter.write(grid, cells, out.toString());
            try (GeoTiffReader back = GeoTiffReader.open(out.toString())) {
                assertArrayEquals(cells, back.read(grid.extent()), size[0] + "x" + size[1]);
            }
            int column = size[0] - 1;
            int row = size[1] - 1;
            String gdal = ExternalTool.run(tmp, List.of("gdallocationinfo", "-valonly", out.toString(),
                    String.valueOf(column), String.valueOf(row))).trim();
            assertEquals(row * size[0] + column, Double.parseDouble(gdal), 0, "last cell of " + out);
        }
    }

    @Test
    void float64TilesKeepEveryDigitOfTheDemAlsoInGdal() throws Exception {
        ExternalTool.require("gdalinfo");
        Path dem = TestData.sampleDem(); // a Float64 DEM
        PixelWindow window = new PixelWindow(100, 40, 128, 150);
        double[] cells;
        RasterGrid grid;
        try (GeoTiffReader r = GeoTiffReader.open(dem.toString())) {
            cells = r.readDoubles(window);
            grid = r.grid().window(window);
        }
        assertTrue(java.util.Arrays.stream(cells).anyMatch(z -> z != (float) z), "elevations with more digits than a float");
        Path out = tmp.resolve("tile64.tif");
        GeoTiffWriter.writeLocal(grid, cells, out);
        try (GeoTiffReader back = GeoTiffReader.open(out.toString())) {
            assertArrayEquals(cells, back.readDoubles(grid.extent()));
        }
        String info = ExternalTool.run(tmp, List.of("gdalinfo", "-stats", out.toString()));
        assertTrue(info.contains("Type=Float64"), info);
        assertTrue(info.contains("NoData Value=nan"), info);
    }

    @Test
    void noDataOfAnIntegerDemBecomesNaN() throws Exception {
        Path zion = TestData.shared("dem/zion_srtm_3arcsec_4326.tif");
        try (GeoTiffReader r = GeoTiffReader.open(zion.toString())) {
            assertEquals(65535.0, r.noData());
        }
    }

    @Test
    void badFilesAreOneLineInputErrorsNamingTheFile() throws Exception {
        Path missing = tmp.resolve("missing.tif");
        Path text = tmp.resolve("text.tif");
        Files.writeString(text, "not a tiff");
        Path plain = tmp.resolve("plain.tif");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY), "tiff", plain.toFile());

        for (Path bad : List.of(missing, text, plain)) {
            EemtException e = assertThrows(EemtException.class, () -> GeoTiffReader.readGrid(bad.toString()));
            assertEquals(EemtException.INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith(bad.toString() + ": "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
