package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eemt.geo.EemtException;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mosaics of GeoTIFF tiles cut from the sample DEM (228 x 211 cells) by {@code gdal_translate -srcwin}
 * at test time, mosaicked by {@code gdalbuildvrt}, as a directory and as a comma list: the cells and
 * the grid of the single file, GDAL's overlap rule, the sources a window opens, and the refusals.
 */
class MosaicTest {
    /** Tiles A-D cover the DEM without overlap, with edges at columns 100 and 150 and row 90. */
    private static final int[][] CUTS = {{0, 0, 100, 90}, {100, 0, 128, 90}, {0, 90, 150, 121}, {150, 90, 78, 121}};
    private static final String[] NAMES = {"A.tif", "B.tif", "C.tif", "D.tif"};

    @TempDir
    static Path dir;
    static String dem;
    static RasterGrid demGrid;

    @BeforeAll
    static void cutTiles() throws Exception {
        ExternalTool.require("gdal_translate");
        ExternalTool.require("gdalbuildvrt");
        dem = TestData.sampleDem().toString();
        demGrid = GeoTiffReader.readGrid(dem);
        Files.createDirectories(dir.resolve("tiles"));
        for (int i = 0; i < CUTS.length; i++) {
            gdal("gdal_translate", "-q", "-srcwin", "" + CUTS[i][0], "" + CUTS[i][1], "" + CUTS[i][2], "" + CUTS[i][3], dem, "tiles/" + NAMES[i]);
        }
        gdal("gdalbuildvrt", "-q", "tiles/mosaic.vrt", "tiles/A.tif", "tiles/B.tif", "tiles/C.tif", "tiles/D.tif");
    }

    @Test
    void vrtDirectoryAndCommaListReadTheSingleFilesCellsAndGrid() {
        String tiles = dir.resolve("tiles").toString();
        String list = String.join(",", tiles + "/D.tif", tiles + "/B.tif", tiles + "/A.tif", tiles + "/C.tif");
        double[] expected;
        try (GeoTiffReader single = GeoTiffReader.open(dem)) {
            expected = single.readDoubles(demGrid.extent());
        }
        // the directory also holds mosaic.vrt: only its .tif files are tiles
        for (String location : List.of(tiles + "/mosaic.vrt", tiles, list)) {
            assertTrue(Mosaic.isMosaic(location), location);
            assertEquals(demGrid, RasterInput.readGrid(location), location);
            try (RasterInput mosaic = RasterInput.open(location)) {
                assertBitIdentical(expected, mosaic.readDoubles(demGrid.extent()), location);
                PixelWindow window = new PixelWindow(90, 80, 70, 30); // across all four tiles
                try (GeoTiffReader single = GeoTiffReader.open(dem)) {
                    assertBitIdentical(single.readDoubles(window), mosaic.readDoubles(window), location + " " + window);
                }
            }
        }
        assertEquals(4, Mosaic.open(list).sources().size());
    }

    @Test
    void overlapsAndGapsAreReadAsGdalReadsTheVrt() throws Exception {
        Path over = Files.createDirectories(dir.resolve("overlap"));
        for (String n : NAMES) {
            Files.copy(dir.resolve("tiles").resolve(n), over.resolve(n));
        }
        // E: cells 10..130 x 150..211 of the DEM (holding its NoData cells) plus 100 m, placed over cells 60..180 x 60..121
        double ulx = demGrid.originX() + 60 * demGrid.cellWidth();
        double uly = demGrid.originY() - 60 * demGrid.cellHeight();
        gdal("gdal_translate", "-q", "-srcwin", "10", "150", "120", "61", "-scale", "0", "10000", "100", "10100", "-ot", "Float64",
                "-a_ullr", f(ulx), f(uly), f(ulx + 120 * demGrid.cellWidth()), f(uly - 61 * demGrid.cellHeight()), dem, "overlap/E.tif");
        gdal("gdalbuildvrt", "-q", "overlap/all.vrt", "overlap/A.tif", "overlap/B.tif", "overlap/C.tif", "overlap/D.tif", "overlap/E.tif");
        gdal("gdal_translate", "-q", "overlap/all.vrt", "overlap/gdal_all.tif");
        gdal("gdalbuildvrt", "-q", "overlap/gap.vrt", "overlap/A.tif", "overlap/B.tif", "overlap/D.tif");
        gdal("gdal_translate", "-q", "overlap/gap.vrt", "overlap/gdal_gap.tif");

        double[] gdalAll = cells(over.resolve("gdal_all.tif").toString());
        double[] single = cells(dem);
        String list = String.join(",", List.of("A", "B", "C", "D", "E").stream().map(n -> over.resolve(n + ".tif").toString()).toList());
        for (String location : List.of(over.resolve("all.vrt").toString(), list)) {
            double[] ours = cells(location);
            assertBitIdentical(gdalAll, ours, location);
            int raised = 0;
            int showingThrough = 0;
            for (int i = 0; i < ours.length; i++) {
                int row = i / demGrid.columns();
                int col = i % demGrid.columns();
                boolean inE = row >= 60 && row < 121 && col >= 60 && col < 180;
                double e = inE ? single[(row - 60 + 150) * demGrid.columns() + (col - 60 + 10)] : Double.NaN;
                if (inE && !Double.isNaN(e)) {
                    assertEquals(e + 100, ours[i], 1e-9, "the last tile wins at " + col + "," + row);
                    raised++;
                } else if (inE && Double.isNaN(e)) {
                    assertEquals(single[i], ours[i], 0, "E's NoData shows the earlier tile at " + col + "," + row);
                    showingThrough++;
                }
            }
            assertTrue(raised > 7000 && showingThrough > 10, raised + " cells from E, " + showingThrough + " through E's NoData");
        }

        double[] gdalGap = cells(over.resolve("gdal_gap.tif").toString());
        String gapDir = Files.createDirectories(dir.resolve("gap")).toString();
        for (String n : List.of("A.tif", "B.tif", "D.tif")) {
            Files.copy(over.resolve(n), Path.of(gapDir, n));
        }
        for (String location : List.of(over.resolve("gap.vrt").toString(), gapDir)) {
            assertEquals(demGrid, RasterInput.readGrid(location), location);
            double[] ours = cells(location);
            assertBitIdentical(gdalGap, ours, location);
            assertTrue(Double.isNaN(ours[100 * demGrid.columns() + 20]), "no tile covers cell 20,100: NoData");
        }
    }

    @Test
    void aWindowOpensOnlyTheSourcesItTouches() {
        Mosaic mosaic = Mosaic.open(dir.resolve("tiles/mosaic.vrt").toString());
        // the windows of 64-cell tiles with a one-cell halo, as the terrain stage reads them
        int windows = 0;
        for (int y0 = 0; y0 < demGrid.rows(); y0 += 64) {
            for (int x0 = 0; x0 < demGrid.columns(); x0 += 64) {
                PixelWindow window = new PixelWindow(x0, y0, Math.min(64, demGrid.columns() - x0), Math.min(64, demGrid.rows() - y0))
                        .expandClipped(1, demGrid.columns(), demGrid.rows());
                int touched = 0;
                for (int[] cut : CUTS) {
                    boolean overlaps = window.x0() < cut[0] + cut[2] && cut[0] < window.x0() + window.width()
                            && window.y0() < cut[1] + cut[3] && cut[1] < window.y0() + window.height();
                    touched += overlaps ? 1 : 0;
                }
                try (MosaicReader reader = new MosaicReader(mosaic)) {
                    reader.read(window);
                    assertEquals(touched, reader.sourcesOpened(), "sources opened for window " + window);
                }
                windows++;
            }
        }
        assertEquals(16, windows);
        try (MosaicReader reader = new MosaicReader(mosaic)) {
            reader.read(new PixelWindow(160, 100, 50, 50)); // inside D
            assertEquals(1, reader.sourcesOpened());
            reader.read(new PixelWindow(140, 80, 20, 20)); // B, C and D; D is open already
            assertEquals(3, reader.sourcesOpened());
        }
    }

    @Test
    void aGeographicUInt16MosaicHasTheSingleFilesGridAndCells() throws Exception {
        String srtm = TestData.shared("dem/zion_srtm_3arcsec_4326.tif").toString(); // 465 x 457, EPSG:4326, NoData 65535
        Path tiles = Files.createDirectories(dir.resolve("srtm"));
        gdal("gdal_translate", "-q", "-srcwin", "0", "0", "465", "200", srtm, "srtm/north.tif");
        gdal("gdal_translate", "-q", "-srcwin", "0", "200", "465", "257", srtm, "srtm/south.tif");
        assertEquals(GeoTiffReader.readGrid(srtm), RasterInput.readGrid(tiles.toString()));
        assertBitIdentical(cells(srtm), cells(tiles.toString()), "SRTM tiles");
    }

    @Test
    void relativeSourcesCountFromTheVrtsDirectoryOnAnyFileSystem() throws Exception {
        String vrt = Files.readString(dir.resolve("tiles/mosaic.vrt")).replace("relativeToVRT=\"1\">", "relativeToVRT=\"1\">../tiles/");
        assertEquals("hdfs://namenode:8020/dem/tiles/A.tif",
                GdalVrt.parse("hdfs://namenode:8020/dem/vrt/mosaic.vrt", vrt).sources().get(0).location());
        assertEquals("s3a://bucket/tiles/B.tif", GdalVrt.parse("s3a://bucket/vrt/mosaic.vrt", vrt).sources().get(1).location());
        String absolute = vrt.replace("relativeToVRT=\"1\">../tiles/A.tif", "relativeToVRT=\"0\">s3a://other/A.tif");
        assertEquals("s3a://other/A.tif", GdalVrt.parse("hdfs://namenode:8020/dem/vrt/mosaic.vrt", absolute).sources().get(0).location());
    }

    @Test
    void moreThanASimpleMosaicIsRefusedWithTheFix() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        String tiles = dir.resolve("tiles").toString();
        gdal("gdalbuildvrt", "-q", "-tr", "20", "20", "bad/resampled.vrt", tiles + "/A.tif", tiles + "/B.tif");
        assertRefused(bad.resolve("resampled.vrt").toString(), "resamples source", "gdalwarp -tr");
        gdal("gdalbuildvrt", "-q", "-tr", "20", "20", "bad/resampled_odd.vrt", tiles + "/C.tif"); // 121 rows: 60.5 coarse rows
        assertRefused(bad.resolve("resampled_odd.vrt").toString(), "resamples source", "gdalwarp -tr");

        String vrt = Files.readString(dir.resolve("tiles/mosaic.vrt")).replace("relativeToVRT=\"1\">", "relativeToVRT=\"1\">../tiles/");
        Files.writeString(bad.resolve("scaled.vrt"), vrt.replaceFirst("<NODATA>nan</NODATA>", "<NODATA>nan</NODATA><ScaleRatio>0.3048</ScaleRatio>"));
        assertRefused(bad.resolve("scaled.vrt").toString(), "scales elevations", "gdal_translate -unscale");
        Files.writeString(bad.resolve("feet.vrt"), vrt.replaceFirst("<ColorInterp>", "<UnitType>ft</UnitType><ColorInterp>"));
        assertRefused(bad.resolve("feet.vrt").toString(), "has elevations in ft, not metres", "gdal_calc.py");
        Files.writeString(bad.resolve("degrees.vrt"), vrt.replaceFirst("<ColorInterp>", "<UnitType>degree</UnitType><ColorInterp>"));
        assertEquals(demGrid, RasterInput.readGrid(bad.resolve("degrees.vrt").toString()), "a product's unit is no reason to refuse");
        Files.writeString(bad.resolve("lut.vrt"), vrt.replaceFirst("<NODATA>nan</NODATA>", "<NODATA>nan</NODATA><LUT>0:0,1000:3000</LUT>"));
        assertRefused(bad.resolve("lut.vrt").toString(), "uses <LUT>", "gdalbuildvrt");

        gdal("gdalwarp", "-q", "-of", "VRT", "-t_srs", "EPSG:4326", tiles + "/A.tif", "bad/warped.vrt");
        assertRefused(bad.resolve("warped.vrt").toString(), "is a VRTWarpedDataset, not a simple mosaic", "gdal_translate");

        Files.copy(Path.of(tiles, "A.tif"), bad.resolve("A.tif"));
        gdal("gdalbuildvrt", "-q", "bad/missing.vrt", "bad/A.tif", tiles + "/B.tif");
        Files.delete(bad.resolve("A.tif"));
        assertRefused(bad.resolve("missing.vrt").toString(), "source " + bad.resolve("A.tif") + " not found", "gdalbuildvrt");

        gdal("gdal_translate", "-q", "-of", "HFA", tiles + "/A.tif", "bad/A.img");
        gdal("gdalbuildvrt", "-q", "bad/erdas.vrt", "bad/A.img", tiles + "/B.tif");
        assertRefused(bad.resolve("erdas.vrt").toString(), "A.img is not a usable GeoTIFF", "gdal_translate -of GTiff");

        gdal("gdalwarp", "-q", "-tr", "20", "20", tiles + "/B.tif", "bad/B20.tif");
        assertRefused(tiles + "/A.tif," + bad.resolve("B20.tif"), bad.resolve("B20.tif") + ": has cells of 20.0 x 20.0", "gdalwarp");
        gdal("gdalwarp", "-q", "-t_srs", "EPSG:32613", tiles + "/B.tif", "bad/B_wgs84.tif");
        assertRefused(tiles + "/A.tif," + bad.resolve("B_wgs84.tif"), bad.resolve("B_wgs84.tif") + ": has CRS EPSG:32613, but the first tile has EPSG:26913", "gdalwarp -t_srs");
        RasterGrid b = GeoTiffReader.readGrid(tiles + "/B.tif");
        gdal("gdal_translate", "-q", "-a_ullr", f(b.originX() + 3), f(b.originY()), f(b.originX() + 3 + 128 * b.cellWidth()),
                f(b.originY() - 90 * b.cellHeight()), tiles + "/B.tif", "bad/B_shifted.tif");
        assertRefused(tiles + "/A.tif," + bad.resolve("B_shifted.tif"), bad.resolve("B_shifted.tif") + ": is not aligned to the cells", "-tap");
        gdal("gdalbuildvrt", "-q", "bad/shifted.vrt", tiles + "/A.tif", "bad/B_shifted.tif");
        assertRefused(bad.resolve("shifted.vrt").toString(), "at a fraction of a cell", "gdalwarp -tr <x> <y> -tap");
        assertRefused(dir.resolve("tiles/mosaic.vrt") + "," + tiles + "/A.tif", "is a VRT or a directory inside a comma list", "GeoTIFF tiles only");
        assertRefused(Files.createDirectories(bad.resolve("empty")).toString(), "is a directory without .tif files", "directory of GeoTIFF tiles");
    }

    /** Opening, checking and reading refuse with exit code 2 and one line holding the problem and the fix. */
    private static void assertRefused(String location, String problem, String fix) {
        EemtException e = assertThrows(EemtException.class, () -> {
            try (RasterInput r = RasterInput.open(location)) {
                RasterInput.readGrid(location);
                r.read(new PixelWindow(0, 0, 1, 1));
            }
        }, location);
        assertEquals(EemtException.INPUT, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains(problem) && e.getMessage().contains(fix), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static double[] cells(String location) {
        try (RasterInput r = RasterInput.open(location)) {
            return r.readDoubles(r.grid().extent());
        }
    }

    private static void assertBitIdentical(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + ": cell " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.10f", v);
    }

    private static void gdal(String... command) throws Exception {
        ExternalTool.run(dir, new ArrayList<>(List.of(command)));
    }
}
