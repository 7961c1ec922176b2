package org.eemt.geo.climate;

import static org.eemt.geo.testing.MonthlyClimateFixture.COLUMNS;
import static org.eemt.geo.testing.MonthlyClimateFixture.ROWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.MonthlyClimateFixture;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TerraClimate netCDF (packed shorts, fill values, latitude descending; netCDF-4 classic and
 * netCDF-3) and WorldClim GeoTIFF stacks (12 files or 12 bands) read to the same numbers in the
 * held units, on the same north-up latitude/longitude grid; CF lookups and unit conversions.
 */
class ClimateBeyondDaymetTest {
    private static final ClimateVariable[] VARIABLES = ClimateVariable.values();

    @TempDir
    Path temp;

    @Test
    void terraClimateNetcdf4IsUnpackedFilledConvertedAndNorthUp() throws Exception {
        assertReadsTheFixture("nc7", false, "netCDF-4 classic model");
    }

    @Test
    void netcdf3WithLatitudeAscendingReadsTheSameNorthUpGrid() throws Exception {
        assertReadsTheFixture("classic", true, "classic");
    }

    /** The fixture written by ncgen -k {@code kind} reads to its numbers on the north-up 1/24° grid, in any window. */
    private void assertReadsTheFixture(String kind, boolean latitudeAscending, String ncdumpKind) throws Exception {
        Path dir = Files.createDirectory(temp.resolve("tc"));
        MonthlyClimateFixture.terraClimate(dir, 2001, kind, latitudeAscending);
        assertEquals(ncdumpKind, Fixtures.run("ncdump", "-k", dir.resolve("TerraClimate_tmax_2001.nc").toString()).trim());
        ClimateFiles files = ClimateFiles.in(dir.toString());
        assertEquals(ClimateDataset.TERRACLIMATE, files.dataset());
        assertEquals(List.of(2001), files.years());
        RasterGrid grid = files.grid(ClimateVariable.TMAX, 2001);
        assertTrue(grid.geographic());
        assertEquals(-78.5, grid.originX(), 0);
        assertEquals(-9.5, grid.originY(), 0);
        assertEquals(1.0 / 24, grid.cellWidth(), 0);
        assertEquals(COLUMNS, grid.columns());
        assertEquals(ROWS, grid.rows());
        assertEqualsFixture(files, new PixelWindow(0, 0, COLUMNS, ROWS));
        assertEqualsFixture(files, new PixelWindow(3, 2, 4, 5));
    }

    @Test
    void worldClimStacksOfTheSameNumbersReadIdenticallyToTerraClimate() throws Exception {
        Path tc = Files.createDirectory(temp.resolve("tc"));
        MonthlyClimateFixture.terraClimate(tc, 2001, "nc7", false);
        ClimateFiles terra = ClimateFiles.in(tc.toString());
        // the 12-band form here; twelve files per variable in the Peru end-to-end test (ClimateBeyondDaymetRunTest)
        Path wc = Files.createDirectory(temp.resolve("wc"));
        MonthlyClimateFixture.worldClim(wc, true);
        ClimateFiles world = ClimateFiles.in(wc.toString());
        assertEquals(ClimateDataset.WORLDCLIM, world.dataset());
        for (ClimateVariable v : VARIABLES) {
            RasterGrid a = terra.grid(v, 2001);
            RasterGrid b = world.grid(v, 2001);
            // gdal_translate's geotransform and TerraClimate's coordinates: the same grid once snapped to 1/24°
            assertEquals(a.originX(), b.originX(), 0, v + " x0");
            assertEquals(a.originY(), b.originY(), 0, v + " y0");
            assertEquals(a.cellWidth(), b.cellWidth(), 0, v + " cell");
            assertTrue(ClimateFiles.sameCrs(a, b), a.describe() + " vs " + b.describe());
            PixelWindow all = new PixelWindow(0, 0, COLUMNS, ROWS);
            float[][] x = terra.read(v, 2001, all).months();
            float[][] y = world.read(v, 2003, all).months();
            for (int m = 0; m < 12; m++) {
                for (int i = 0; i < x[m].length; i++) {
                    assertEquals(Float.floatToIntBits(x[m][i]), Float.floatToIntBits(y[m][i]), v + " month " + m + " cell " + i);
                }
            }
        }
    }

    @Test
    void aStackInAProjectedCrsIsReadAndSampledInItsOwnCrs() throws Exception {
        Path latLon = Files.createDirectory(temp.resolve("wc"));
        MonthlyClimateFixture.worldClim(latLon, true);
        Path utm = Files.createDirectory(temp.resolve("utm"));
        for (String name : MonthlyClimateFixture.WORLDCLIM) {
            String file = "wc2.1_2.5m_" + name + ".tif";
            ExternalTool.run(temp, List.of("gdalwarp", "-q", "-t_srs", "EPSG:32717", "-tr", "1000", "1000", "-r", "near",
                    latLon.resolve(file).toString(), utm.resolve(file).toString()));
        }
        Path peru = TestData.shared("dem/peru_mongon_utm17s_30m.tif");
        RasterGrid dem = GeoTiffReader.readGrid(peru.toString());
        ClimateWindow window = ClimateWindow.read(utm.toString(), null, dem, List.of(2001));
        assertEquals("EPSG:32717", window.grid().crsCode());
        // the DEM is 3.6 km wide: its 1 km cells plus one on each side
        assertTrue(window.grid().columns() <= 7 && window.grid().rows() <= 7, window.grid().describe());
        float[] z;
        try (GeoTiffReader reader = GeoTiffReader.open(peru.toString())) {
            z = reader.read(dem.extent());
        }
        CellClimate sampled = window.withBaseElevation(new DemMeanElevation(window).add(dem, z)).sample(dem, 2001);
        // nearest-neighbour cells of the 1/24° grid, interpolated: within the range of the 1/24° cells around the DEM
        for (int m = 0; m < 12; m++) {
            float low = Float.POSITIVE_INFINITY;
            float high = Float.NEGATIVE_INFINITY;
            for (int r = 1; r <= 4; r++) {
                for (int c = 3; c <= 6; c++) {
                    low = Math.min(low, MonthlyClimateFixture.unpacked(0, m, r, c));
                    high = Math.max(high, MonthlyClimateFixture.unpacked(0, m, r, c));
                }
            }
            for (float t : sampled.tmaxCelsius()[m]) {
                assertTrue(t >= low && t <= high, "month " + m + ": " + t + " in " + low + ".." + high);
            }
        }
    }

    @Test
    void theWindowHoldsOnlyTheCellsUnderThePeruDemPlusOne() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("tc"));
        MonthlyClimateFixture.terraClimate(dir, 2001, "nc7", false);
        RasterGrid dem = GeoTiffReader.readGrid(TestData.shared("dem/peru_mongon_utm17s_30m.tif").toString());
        ClimateWindow window = ClimateWindow.read(dir.toString(), null, dem, List.of(2001));
        // the DEM spans 78.316-78.283 °W, 9.620-9.653 °S: columns 4-5 and rows 2-3 of the 1/24° grid, plus one
        assertEquals(-78.5 + 3.0 / 24, window.grid().originX(), 1e-12);
        assertEquals(-9.5 - 1.0 / 24, window.grid().originY(), 1e-12);
        assertEquals(4, window.grid().columns());
        assertEquals(4, window.grid().rows());
        assertTrue(window.needsBaseElevation());
        assertTrue(window.describe().startsWith("TerraClimate monthly grid"), window.describe());
    }

    @Test
    void aVariableIsFoundByStandardNameAndAContradictingOneIsRefused() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("tc"));
        MonthlyClimateFixture.terraClimate(dir, 2001, "nc7", false);
        Path ppt = dir.resolve("TerraClimate_ppt_2001.nc");
        float[] before = ClimateFiles.in(dir.toString()).read(ClimateVariable.PRCP, 2001, new PixelWindow(1, 1, 3, 3)).months()[1];
        rewrite(ppt, "ppt", "precipitation");
        float[] renamed = ClimateFiles.in(dir.toString()).read(ClimateVariable.PRCP, 2001, new PixelWindow(1, 1, 3, 3)).months()[1];
        assertEquals(before.length, renamed.length);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], renamed[i], 0f, "cell " + i);
        }
        rewrite(ppt, "precipitation_amount", "air_temperature");
        EemtException e = assertThrows(EemtException.class, () -> ClimateFiles.in(dir.toString()).grid(ClimateVariable.PRCP, 2001));
        assertTrue(e.getMessage().contains("has no variable ppt (nor one whose CF standard_name"), e.getMessage());
        rewrite(ppt, "precipitation", "ppt");
        EemtException named = assertThrows(EemtException.class, () -> ClimateFiles.in(dir.toString()).grid(ClimateVariable.PRCP, 2001));
        assertTrue(named.getMessage().contains("ppt has standard_name \"air_temperature\""), named.getMessage());
    }

    @Test
    void unitsAreConvertedPerMonthAndUnknownOnesRefused() {
        float[] k = ClimateVariable.TMAX.toHeldUnit(new float[] {273.15f, 300f}, "f.nc", "t", "K", 2001, 0);
        assertEquals(0, k[0], 1e-4);
        assertEquals(26.85, k[1], 1e-4);
        assertEquals(62.0f, ClimateVariable.PRCP.toHeldUnit(new float[] {2f}, "f.nc", "pr", "mm day-1", 2001, 0)[0]);
        assertEquals(56.0f, ClimateVariable.PRCP.toHeldUnit(new float[] {2f}, "f.nc", "pr", "mm/day", 2001, 1)[0]);
        assertEquals(58.0f, ClimateVariable.PRCP.toHeldUnit(new float[] {2f}, "f.nc", "pr", "mm/day", 2000, 1)[0]);
        assertEquals(2e-5 * 86400 * 30, ClimateVariable.PRCP.toHeldUnit(new float[] {2e-5f}, "f.nc", "pr", "kg m-2 s-1", 2001, 3)[0], 1e-3);
        assertEquals(1234f, ClimateVariable.VP.toHeldUnit(new float[] {1.234f}, "f.nc", "vap", "kPa", 2001, 0)[0], 1e-3);
        assertEquals(1230f, ClimateVariable.VP.toHeldUnit(new float[] {12.3f}, "f.nc", "vp", "hPa", 2001, 0)[0], 1e-3);
        EemtException e = assertThrows(EemtException.class,
                () -> ClimateVariable.TMIN.toHeldUnit(new float[] {1f}, "f.nc", "tmin", "degF", 2001, 0));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("f.nc") && e.getMessage().contains("tmin has units \"degF\""), e.getMessage());
    }

    @Test
    void fileNamesAreRecognisedPerDataset() {
        assertEquals(new ClimateDataset.FileName(ClimateVariable.VP, 2001, 0), ClimateDataset.TERRACLIMATE.parse("TerraClimate_vap_2001.nc"));
        assertEquals(new ClimateDataset.FileName(ClimateVariable.PRCP, 0, 7), ClimateDataset.WORLDCLIM.parse("wc2.1_30s_prec_07.tif"));
        assertEquals(new ClimateDataset.FileName(ClimateVariable.TMIN, 0, 0), ClimateDataset.WORLDCLIM.parse("wc2.1_2.5m_tmin.tif"));
        assertNull(ClimateDataset.WORLDCLIM.parse("wc2.1_30s_prec_13.tif"));
        assertNull(ClimateDataset.WORLDCLIM.parse("wc2.1_30s_elev.tif"));
        assertEquals(new ClimateDataset.FileName(ClimateVariable.PRCP, 2000, 0),
                ClimateDataset.DAYMET.parse("daymet_v4_prcp_monttl_na_2000.nc"));
    }

    /** Every cell and month of {@code window} equals the fixture's unpacked value in the held unit (vap: kPa to Pa). */
    private static void assertEqualsFixture(ClimateFiles files, PixelWindow window) {
        for (ClimateVariable v : VARIABLES) {
            float[][] months = files.read(v, 2001, window).months();
            int compared = 0;
            for (int m = 0; m < 12; m++) {
                for (int r = 0; r < window.height(); r++) {
                    for (int c = 0; c < window.width(); c++) {
                        float raw = MonthlyClimateFixture.unpacked(v.ordinal(), m, window.y0() + r, window.x0() + c);
                        float expected = v == ClimateVariable.VP ? (float) (raw * 1000.0) : raw;
                        assertEquals(expected, months[m][r * window.width() + c], 0f, v + " month " + m + " row " + r + " col " + c);
                        compared += Float.isNaN(expected) ? 0 : 1;
                    }
                }
            }
            assertTrue(compared > 0);
        }
    }

    /** Rewrites a netCDF file through ncdump and ncgen with one text replacement in its CDL (keeping its kind). */
    private void rewrite(Path file, String from, String to) throws Exception {
        String cdl = Fixtures.run("ncdump", file.toString());
        assertTrue(cdl.contains(from), from);
        Path edited = Files.writeString(temp.resolve("edited.cdl"), cdl.replace(from, to));
        Files.delete(file);
        ExternalTool.run(temp, List.of("ncgen", "-k", "nc7", "-o", file.toString(), edited.toString()));
    }
}
