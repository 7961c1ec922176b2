package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The V2 and V3 single-pixel records against monthly means and sums computed here another way:
 * rows are cut into months by fixed month lengths (Daymet years have 365 days: in a leap year
 * February has 29 and December 30, since 31 December is dropped) and columns are taken at the
 * positions each version's header has.
 */
class DaymetCsvTest {
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int[] LEAP_MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 30};

    @TempDir
    Path temp;

    @Test
    void version2TellurideMonthsAndElevation() throws Exception {
        Path csv = Fixtures.climate("daymet_v2_telluride_co.csv");
        StationRecord record = DaymetCsv.read(csv.toString());
        assertEquals(3252.0, record.elevationMetres());
        assertEquals(37.9146, record.latitudeDegrees(), 1e-9);
        // V2 order: year,yday,tmax,tmin,dayl,prcp,srad,swe,vp
        for (int year : new int[] {1980, 1981, 2000, 2013}) {
            assertMonths(csv, record, year, 2, 3, 5, 8);
        }
    }

    @Test
    void version3OakRidgeMonthsAndElevation() throws Exception {
        Path csv = Fixtures.climate("daymet_v3_oak_ridge_tn.csv");
        StationRecord record = DaymetCsv.read(csv.toString());
        assertEquals(279.0, record.elevationMetres());
        // V3 order: year,yday,dayl,prcp,srad,swe,tmax,tmin,vp (floats such as 2000.0)
        for (int year : new int[] {2000, 2003, 2010}) {
            assertMonths(csv, record, year, 6, 7, 3, 8);
        }
    }

    @Test
    void stationSamplesTheSameMonthsAtEveryCell() {
        StationRecord record = DaymetCsv.read(Fixtures.climate("daymet_v2_telluride_co.csv").toString());
        RasterGrid cells = new RasterGrid(3, 2, 0, 0, 10, 10, "EPSG:26913", null, false, 6378137, 298.257223563);
        CellClimate c = record.sample(cells, 2001);
        float[] july = record.months(ClimateVariable.TMAX, 2001);
        for (int i = 0; i < 6; i++) {
            assertEquals(july[6], c.tmaxCelsius()[6][i]);
            assertEquals(3252f, c.baseElevationMetres()[i]);
        }
    }

    @Test
    void recordWithoutVapourPressureLeavesItOut() throws Exception {
        // V2 order: year,yday,tmax,tmin,dayl,prcp,srad,swe,vp -> drop the last column
        List<String> lines = Files.readAllLines(Fixtures.climate("daymet_v2_telluride_co.csv"));
        Path noVp = Files.write(temp.resolve("novp.csv"), lines.stream()
                .map(l -> l.startsWith("year,yday") || l.matches("^\\d{4},.*") ? l.substring(0, l.lastIndexOf(',')) : l).toList());
        StationRecord record = DaymetCsv.read(noVp.toString());
        assertTrue(Files.readAllLines(noVp).stream().filter(l -> l.startsWith("2001,")).allMatch(l -> l.split(",").length == 8));
        assertMonths(Fixtures.climate("daymet_v2_telluride_co.csv"), record, 2001, 2, 3, 5, -1);
        RasterGrid cells = new RasterGrid(2, 1, 0, 0, 10, 10, "EPSG:26913", null, false, 6378137, 298.257223563);
        assertEquals(null, record.sample(cells, 2001).vapourPressurePa());
    }

    @Test
    void csvWithoutHeaderLineIsAnInputError() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.climate("daymet_v2_telluride_co.csv"));
        Path headless = Files.write(temp.resolve("headless.csv"),
                lines.stream().filter(l -> !l.startsWith("year,yday")).toList());
        EemtException e = assertThrows(EemtException.class, () -> DaymetCsv.read(headless.toString()));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("has no year,yday header line"), e.getMessage());
    }

    @Test
    void yearOutsideTheRecordIsAnInputError() {
        StationRecord record = DaymetCsv.read(Fixtures.climate("daymet_v3_oak_ridge_tn.csv").toString());
        EemtException e = assertThrows(EemtException.class, () -> record.months(ClimateVariable.PRCP, 1999));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("has no data for 1999 (it covers 2000-2010)"), e.getMessage());
    }

    private static void assertMonths(Path csv, StationRecord record, int year, int tmax, int tmin, int prcp, int vp)
            throws Exception {
        double[][] sums = new double[4][12];
        int[] monthLengths = year % 4 == 0 ? LEAP_MONTH_DAYS : MONTH_DAYS;
        int row = 0;
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f.length < 9 || f[0].startsWith("year") || (int) Double.parseDouble(f[0]) != year) {
                continue;
            }
            int month = 0;
            for (int first = monthLengths[0]; row >= first; first += monthLengths[++month]) {
                // advance to the month holding this row
            }
            sums[0][month] += Double.parseDouble(f[tmax]);
            sums[1][month] += Double.parseDouble(f[tmin]);
            sums[2][month] += Double.parseDouble(f[prcp]);
            sums[3][month] += vp < 0 ? 0 : Double.parseDouble(f[vp]);
            row++;
        }
        assertEquals(365, row);
        for (int m = 0; m < 12; m++) {
            int n = monthLengths[m];
            assertEquals(sums[0][m] / n, record.months(ClimateVariable.TMAX, year)[m], 1e-4, year + " tmax " + m);
            assertEquals(sums[1][m] / n, record.months(ClimateVariable.TMIN, year)[m], 1e-4, year + " tmin " + m);
            assertEquals(sums[2][m], record.months(ClimateVariable.PRCP, year)[m], 1e-3, year + " prcp " + m);
            if (vp < 0) {
                assertTrue(Float.isNaN(record.months(ClimateVariable.VP, year)[m]), year + " no vp " + m);
            } else {
                assertEquals(sums[3][m] / n, record.months(ClimateVariable.VP, year)[m], 1e-2, year + " vp " + m);
            }
        }
    }
}
