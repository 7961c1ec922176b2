package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The climate window of the gridded fixture under the sample DEM: bilinear values at DEM cell
 * centres against the same interpolation done here on ncdump's values at the positions
 * gdaltransform (PROJ) gives; z_b from the reference elevation and from DEM means; coverage and
 * file errors.
 */
class ClimateWindowTest {
    private static final String LCC = "+proj=lcc +lat_1=25 +lat_2=60 +lat_0=42.5 +lon_0=-100 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs";
    private static final String FIXTURE = Fixtures.monthly("").toString();
    private static final String REFERENCE = Fixtures.monthly("daymet_reference_elevation.tif").toString();
    /** The fixture grid: 12x12 cells of 1000 m, upper-left corner (-581750, -681500). */
    private static final double ORIGIN_X = -581750;
    private static final double ORIGIN_Y = -681500;

    @TempDir
    Path temp;

    @Test
    void bilinearValuesAtDemCellCentresMatchAnIndependentInterpolation() throws Exception {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        ClimateWindow window = ClimateWindow.read(FIXTURE, REFERENCE, dem, List.of(2000, 2001));
        CellClimate c = window.sample(dem, 2001);
        float[] tmin = Fixtures.ncdumpValues(Fixtures.monthly("daymet_v4_tmin_monavg_na_2001.nc"), "tmin");
        float[] prcp = Fixtures.ncdumpValues(Fixtures.monthly("daymet_v4_prcp_monttl_na_2001.nc"), "prcp");
        StringBuilder pixels = new StringBuilder();
        for (int i = 0; i < 144; i++) {
            pixels.append(i % 12).append(' ').append(i / 12).append('\n');
        }
        Path pixelFile = Files.writeString(temp.resolve("pixels.txt"), pixels);
        String[] located = Fixtures.runWithInput(pixelFile, "gdallocationinfo", "-valonly", REFERENCE).trim().split("\\s+");
        assertEquals(144, located.length);
        float[] zb = new float[144];
        for (int i = 0; i < 144; i++) {
            zb[i] = Float.parseFloat(located[i]);
        }
        int[][] cells = {{0, 0}, {113, 97}, {227, 210}, {40, 180}};
        for (int[] cell : cells) {
            int i = cell[1] * dem.columns() + cell[0];
            Path point = Files.writeString(temp.resolve("point.txt"),
                    String.format(Locale.ROOT, "%f %f%n", dem.centreX(cell[0]), dem.centreY(cell[1])));
            String out = Fixtures.runWithInput(point, "gdaltransform", "-s_srs", "EPSG:26913", "-t_srs", LCC);
            String[] xy = out.trim().split("\\s+");
            double x = Double.parseDouble(xy[0]);
            double y = Double.parseDouble(xy[1]);
            for (int m : new int[] {0, 6, 11}) {
                assertEquals(bilinear(tmin, m, x, y), c.tminCelsius()[m][i], 2e-4, "tmin month " + m + " cell " + cell[0] + "," + cell[1]);
                assertEquals(bilinear(prcp, m, x, y), c.precipitationMm()[m][i], 2e-3, "prcp month " + m);
            }
            assertEquals(bilinear(zb, 0, x, y), c.baseElevationMetres()[i], 1e-2, "z_b");
        }
    }

    @Test
    void windowHoldsTheCellsUnderTheDemPlusOneCellMargin() {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        ClimateWindow window = ClimateWindow.read(FIXTURE, REFERENCE, dem, List.of(2000));
        // DEM corners through gdaltransform: x -576229..-573913 m, y -689385..-687222 m, i.e. columns
        // (x + 581750) / 1000 = 5.5..7.8 -> 5..7 and rows (-681500 - y) / 1000 = 5.7..7.9 -> 5..7;
        // plus one cell each side: columns 4..8, rows 4..8
        assertEquals(ORIGIN_X + 4 * 1000, window.grid().originX(), 1e-6);
        assertEquals(ORIGIN_Y - 4 * 1000, window.grid().originY(), 1e-6);
        assertEquals(5, window.grid().columns());
        assertEquals(5, window.grid().rows());
    }

    @Test
    void demMeanBaseElevationIsTheMeanOfTheDemCellsInsideEachClimateCellAndTileIndependent() throws Exception {
        String demFile = Fixtures.sampleDem().toString();
        RasterGrid dem;
        double[] elevations;
        try (GeoTiffReader r = GeoTiffReader.open(demFile)) {
            dem = r.grid();
            elevations = r.readDoubles(dem.extent());
        }
        float[] z = dem.extent().crop(elevations, dem.extent());
        ClimateWindow window = ClimateWindow.read(FIXTURE, null, dem, List.of(2000));
        assertTrue(window.needsBaseElevation());
        float[] whole = new DemMeanElevation(window).add(dem, z).means();
        PixelWindow top = new PixelWindow(0, 0, dem.columns(), 100);
        PixelWindow bottom = new PixelWindow(0, 100, dem.columns(), dem.rows() - 100);
        float[] split = new DemMeanElevation(window).add(dem.window(bottom), dem.extent().crop(elevations, bottom))
                .merge(new DemMeanElevation(window).add(dem.window(top), dem.extent().crop(elevations, top))).means();
        assertArrayEquals(whole, split, 0f);

        // independent: every DEM cell centre through gdaltransform, binned into 1000 m cells
        StringBuilder points = new StringBuilder();
        for (int r = 0; r < dem.rows(); r++) {
            for (int c = 0; c < dem.columns(); c++) {
                points.append(dem.centreX(c)).append(' ').append(dem.centreY(r)).append('\n');
            }
        }
        Path in = Files.writeString(temp.resolve("centres.txt"), points);
        String[] lines = Fixtures.runWithInput(in, "gdaltransform", "-s_srs", "EPSG:26913", "-t_srs", LCC).split("\n");
        RasterGrid g = window.grid();
        double[] sums = new double[Math.toIntExact(g.cells())];
        int[] counts = new int[sums.length];
        for (int i = 0; i < lines.length; i++) {
            String[] xy = lines[i].trim().split("\\s+");
            int col = (int) Math.floor((Double.parseDouble(xy[0]) - g.originX()) / 1000);
            int row = (int) Math.floor((g.originY() - Double.parseDouble(xy[1])) / 1000);
            if (!Float.isNaN(z[i])) {
                sums[row * g.columns() + col] += z[i];
                counts[row * g.columns() + col]++;
            }
        }
        int filled = 0;
        for (int k = 0; k < sums.length; k++) {
            if (counts[k] == 0) {
                assertTrue(Float.isNaN(whole[k]), "climate cell " + k + " holds no DEM cell");
            } else {
                assertEquals(sums[k] / counts[k], whole[k], 1e-3, "climate cell " + k);
                filled++;
            }
        }
        assertTrue(filled >= 6, "the DEM spans at least 3x2 climate cells, found " + filled);
        CellClimate sampled = window.withBaseElevation(new DemMeanElevation(window).add(dem, z)).sample(dem, 2000);
        for (int i = 0; i < z.length; i++) {
            assertTrue(Float.isFinite(sampled.baseElevationMetres()[i]) && Float.isFinite(sampled.tmaxCelsius()[0][i]));
        }
    }

    @Test
    void aDemOutsideTheClimateGridIsAnInputError() {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        RasterGrid elsewhere = new RasterGrid(dem.columns(), dem.rows(), dem.originX() + 20000, dem.originY(),
                dem.cellWidth(), dem.cellHeight(), dem.crsCode(), dem.crsWkt(), false, dem.semiMajorAxisMetres(), dem.inverseFlattening());
        EemtException e = assertThrows(EemtException.class, () -> ClimateWindow.read(FIXTURE, REFERENCE, elsewhere, List.of(2000)));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("does not cover the DEM"), e.getMessage());
    }

    @Test
    void aMissingVariableFileOrYearIsAnInputError() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("climate"));
        for (String v : new String[] {"tmax_monavg", "tmin_monavg", "prcp_monttl"}) {
            String name = "daymet_v4_" + v + "_na_2000.nc";
            Files.copy(Fixtures.monthly(name), dir.resolve(name));
        }
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        EemtException e = assertThrows(EemtException.class, () -> ClimateWindow.read(dir.toString(), null, dem, List.of(2000)));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("has no vp file for 2000"), e.getMessage());
        EemtException year = assertThrows(EemtException.class, () -> ClimateWindow.read(FIXTURE, null, dem, List.of(2002)));
        assertTrue(year.getMessage().contains("has no tmax file for 2002"), year.getMessage());
    }

    @Test
    void aReferenceElevationInAnotherCrsIsAnInputError() {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        EemtException e = assertThrows(EemtException.class,
                () -> ClimateWindow.read(FIXTURE, Fixtures.sampleDem().toString(), dem, List.of(2000)));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("not the Daymet CRS"), e.getMessage());
    }

    @Test
    void ncssGeoTiffInKilometresIsGeoreferencedInMetresAsGdalSeesIt() throws Exception {
        String tif = Fixtures.climate("daymet_ncss_tmax_monavg_1980.tif").toString();
        RasterGrid grid = MonthlyGeoTiff.grid(tif);
        // gdalinfo: origin (1593.25, -725.5) km, 1 km pixels
        assertEquals(1593250.0, grid.originX(), 1e-6);
        assertEquals(-725500.0, grid.originY(), 1e-6);
        assertEquals(1000.0, grid.cellWidth(), 1e-9);
        MonthlyGrid months = MonthlyGeoTiff.readMonths(tif, grid.extent());
        org.opengis.referencing.operation.MathTransform toLonLat = org.apache.sis.referencing.CRS.findOperation(
                grid.crs(), org.apache.sis.referencing.CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
        int[][] cells = {{0, 0}, {27, 31}, {13, 17}, {5, 25}};
        for (int[] cell : cells) {
            // a point a quarter cell off the centre: a half-cell error in either reader lands in another cell
            double[] p = {grid.centreX(cell[0]) + 250, grid.centreY(cell[1]) - 250};
            toLonLat.transform(p, 0, p, 0, 1);
            for (int band : new int[] {1, 7, 12}) {
                String v = Fixtures.run("gdallocationinfo", "-valonly", "-wgs84", "-b", "" + band, tif, "" + p[0], "" + p[1]).trim();
                assertEquals(Float.parseFloat(v), months.months()[band - 1][cell[1] * grid.columns() + cell[0]], 0f,
                        "band " + band + " cell " + cell[0] + "," + cell[1]);
            }
        }
    }

    /** Bilinear interpolation between 1000 m cell centres of the 12x12 fixture grid, edge values beyond. */
    private static double bilinear(float[] values, int month, double x, double y) {
        double u = Math.max(0, Math.min(11, (x - ORIGIN_X) / 1000 - 0.5));
        double v = Math.max(0, Math.min(11, (ORIGIN_Y - y) / 1000 - 0.5));
        int c = Math.min((int) u, 10);
        int r = Math.min((int) v, 10);
        double fu = u - c;
        double fv = v - r;
        int base = month * 144;
        return values[base + r * 12 + c] * (1 - fu) * (1 - fv) + values[base + r * 12 + c + 1] * fu * (1 - fv)
                + values[base + (r + 1) * 12 + c] * (1 - fu) * fv + values[base + (r + 1) * 12 + c + 1] * fu * fv;
    }
}
