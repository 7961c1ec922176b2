package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netCDF-4 and netCDF-3 readers against ncdump, and their one-line errors. */
class DaymetNetcdfTest {
    private static final Path TMAX_2000 = Fixtures.monthly("daymet_v4_tmax_monavg_na_2000.nc");
    private static final Path TMAX_2000_NCSS = Fixtures.monthly("daymet_v4_tmax_monavg_na_2000_ncss.nc");
    private static final int SIDE = 12;

    @TempDir
    Path temp;

    @Test
    void netcdf4ReadsWhatNcdumpPrintsInEveryCellAndMonth() throws Exception {
        assertSameAsNcdump(TMAX_2000, ClimateVariable.TMAX, TMAX_2000, new PixelWindow(0, 0, SIDE, SIDE));
    }

    @Test
    void netcdf4WindowHoldsTheCellsOfThatWindow() throws Exception {
        assertSameAsNcdump(TMAX_2000, ClimateVariable.TMAX, TMAX_2000, new PixelWindow(3, 4, 5, 6));
    }

    @Test
    void everyVariableAndYearOfTheGriddedFixtureMatchesNcdump() throws Exception {
        for (String name : new String[] {"tmin_monavg_na_2001", "prcp_monttl_na_2000", "vp_monavg_na_2001"}) {
            Path file = Fixtures.monthly("daymet_v4_" + name + ".nc");
            ClimateVariable v = ClimateVariable.valueOf(name.substring(0, name.indexOf('_')).toUpperCase(java.util.Locale.ROOT));
            assertSameAsNcdump(file, v, file, new PixelWindow(2, 5, 7, 4));
        }
    }

    @Test
    void netcdf3SubsetWithKilometresGivesTheSameGridInMetresAndTheSameValues() throws Exception {
        RasterGrid metres = DaymetNetcdf.grid(TMAX_2000.toString(), ClimateVariable.TMAX);
        RasterGrid km = DaymetNetcdf.grid(TMAX_2000_NCSS.toString(), ClimateVariable.TMAX);
        // first x centre -581250 m (-581.25 km) minus half a 1000 m cell; first y centre -682000 m plus half a cell
        assertEquals(-581750.0, km.originX(), 1e-6);
        assertEquals(-681500.0, km.originY(), 1e-6);
        assertEquals(1000.0, km.cellWidth(), 1e-9);
        assertEquals(metres.originX(), km.originX(), 1e-6);
        assertEquals(metres.originY(), km.originY(), 1e-6);
        assertSameAsNcdump(TMAX_2000_NCSS, ClimateVariable.TMAX, TMAX_2000_NCSS, new PixelWindow(0, 0, SIDE, SIDE));
    }

    @Test
    void chunkedDeflatedNetcdf4AsOrnlShipsItReadsTheSameWindow() throws Exception {
        Path chunked = temp.resolve("daymet_v4_tmax_monavg_na_2000.nc");
        Fixtures.run("nccopy", "-k", "nc4", "-d", "5", "-c", "time/1,y/5,x/5", TMAX_2000.toString(), chunked.toString());
        assertTrue(Fixtures.run("ncdump", "-hs", chunked.toString()).contains("tmax:_Storage = \"chunked\""));
        assertSameAsNcdump(chunked, ClimateVariable.TMAX, TMAX_2000, new PixelWindow(4, 3, 6, 7));
    }

    @Test
    void netcdf3WithTimeAsRecordDimensionAnd64BitOffsetsReadsTheSameValues() throws Exception {
        String cdl = Fixtures.run("ncdump", "-p", "9,17", TMAX_2000_NCSS.toString()).replace("time = 12 ;", "time = UNLIMITED ;");
        Path cdlFile = Files.writeString(temp.resolve("records.cdl"), cdl);
        Path records = temp.resolve("records.nc");
        Fixtures.run("ncgen", "-k", "64-bit-offset", "-o", records.toString(), cdlFile.toString());
        assertTrue(Fixtures.run("ncdump", "-h", records.toString()).contains("UNLIMITED"));
        assertSameAsNcdump(records, ClimateVariable.TMAX, TMAX_2000_NCSS, new PixelWindow(1, 2, 9, 8));
    }

    @Test
    void missingVariableIsAnInputError() {
        EemtException e = assertThrows(EemtException.class,
                () -> DaymetNetcdf.read(TMAX_2000.toString(), ClimateVariable.TMIN, 2000, new PixelWindow(0, 0, 2, 2)));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("has no variable tmin"), e.getMessage());
    }

    @Test
    void fileOfAnotherYearIsAnInputError() {
        EemtException e = assertThrows(EemtException.class,
                () -> DaymetNetcdf.read(TMAX_2000.toString(), ClimateVariable.TMAX, 2001, new PixelWindow(0, 0, 2, 2)));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("expected month 1 of 2001"), e.getMessage());
    }

    @Test
    void elevenMonthsIsAnInputError() throws Exception {
        Path file = BadClimateFiles.netcdf(temp, "short.nc", 11, "lambert_conformal_conic");
        EemtException e = assertThrows(EemtException.class,
                () -> DaymetNetcdf.read(file.toString(), ClimateVariable.TMAX, 2000, new PixelWindow(0, 0, 2, 2)));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("has 11 months of 2000, expected 12"), e.getMessage());
    }

    @Test
    void aGridMappingOtherThanLambertConformalIsAnInputError() throws Exception {
        Path file = BadClimateFiles.netcdf(temp, "utm.nc", 12, "transverse_mercator");
        EemtException e = assertThrows(EemtException.class, () -> DaymetNetcdf.grid(file.toString(), ClimateVariable.TMAX));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("not the Daymet CRS"), e.getMessage());
    }

    @Test
    void truncatedAndNonNetcdfFilesAreInputErrors() throws Exception {
        byte[] whole = Files.readAllBytes(TMAX_2000);
        Path truncated = Files.write(temp.resolve("truncated.nc"), java.util.Arrays.copyOf(whole, 3000));
        Path text = Files.writeString(temp.resolve("text.nc"), "<html>404 Not Found</html>");
        Path classicTruncated = Files.write(temp.resolve("truncated3.nc"),
                java.util.Arrays.copyOf(Files.readAllBytes(TMAX_2000_NCSS), 4000));
        for (Path bad : new Path[] {truncated, text, classicTruncated, temp.resolve("absent.nc")}) {
            EemtException e = assertThrows(EemtException.class,
                    () -> DaymetNetcdf.read(bad.toString(), ClimateVariable.TMAX, 2000, new PixelWindow(0, 0, SIDE, SIDE)),
                    bad.toString());
            assertEquals(EemtException.INPUT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    /** Reads {@code window} of every month and compares with ncdump's values of {@code reference}. */
    private static void assertSameAsNcdump(Path file, ClimateVariable variable, Path reference, PixelWindow window) throws Exception {
        float[] dumped = Fixtures.ncdumpValues(reference, variable.daymetName());
        assertEquals(12 * SIDE * SIDE, dumped.length);
        MonthlyGrid read = DaymetNetcdf.read(file.toString(), variable, fileYear(reference), window);
        assertEquals(window.width(), read.grid().columns());
        int compared = 0;
        for (int m = 0; m < 12; m++) {
            for (int r = 0; r < window.height(); r++) {
                for (int c = 0; c < window.width(); c++) {
                    float expected = dumped[(m * SIDE + window.y0() + r) * SIDE + window.x0() + c];
                    float actual = read.months()[m][r * window.width() + c];
                    assertEquals(expected, actual, 0f, variable + " month " + (m + 1) + " row " + r + " col " + c);
                    compared++;
                }
            }
        }
        assertEquals(12 * window.cells(), compared);
    }

    private static int fileYear(Path file) {
        String name = file.getFileName().toString();
        return name.contains("2001") ? 2001 : 2000;
    }
}
