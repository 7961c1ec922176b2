package org.eemt.job.eemt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.testing.Products;

/** The checks every end-to-end EEMT run's products must pass, whatever the DEM and climate. */
final class EemtProductChecks {
    private EemtProductChecks() {
    }

    /** The annual mean of one product over north-facing (northness > 0.3) and south-facing (< −0.3) cells. */
    record Aspects(String kind, int year, double north, double south) {
    }

    /**
     * Every product on the DEM's grid, finite exactly where the DEM is valid (EEMT_TOPO: and northness and MCWI);
     * the annual sums equal the monthly products; annual means within Rasmussen et al. (2015) Table 1's span
     * (arid 5.5 to humid 33.7 MJ m⁻² yr⁻¹, widened to 1–60 for another climate); both aspects present.
     * Returns the mean annual EEMT of north- and south-facing cells per kind and year.
     */
    static List<Aspects> assertOnDemGridAndPlausible(Path out, Path demFile, List<Integer> years, String what) {
        RasterGrid dem = GeoTiffReader.readGrid(demFile.toString());
        float[] z = Products.cells(demFile);
        List<Aspects> aspects = new ArrayList<>();
        float[] northness = Products.cells(out.resolve("terrain/northness.tif"));
        float[] mcwi = Products.cells(out.resolve("terrain/mcwi.tif"));
        for (String p : EemtRunTest.products(years)) {
            Path file = out.resolve(p);
            assertTrue(Files.isRegularFile(file), p);
            RasterGrid g = GeoTiffReader.readGrid(file.toString());
            assertEquals(dem.columns(), g.columns(), p);
            assertEquals(dem.rows(), g.rows(), p);
            assertEquals(dem.originX(), g.originX(), 1e-6, p);
            assertEquals(dem.originY(), g.originY(), 1e-6, p);
            float[] cells = Products.cells(file);
            // EEMT_TRAD needs the DEM; EEMT_TOPO also northness (Horn leaves it NaN on the DEM's edge and next to NoData) and MCWI
            boolean topo = p.contains("Topo");
            for (int i = 0; i < cells.length; i++) {
                boolean valid = !Float.isNaN(z[i]) && !(topo && (Float.isNaN(northness[i]) || Float.isNaN(mcwi[i])));
                assertEquals(valid, Float.isFinite(cells[i]), p + " cell " + i + " finite exactly where its inputs are valid");
            }
        }
        for (int year : years) {
            for (String kind : new String[] {"Trad", "Topo"}) {
                float[] annual = Products.cells(out.resolve("eemt/annual/EEMT_" + kind + "_" + year + ".tif"));
                double[] sum = new double[annual.length];
                for (int m = 0; m < 12; m++) {
                    String mon = org.eemt.geo.calendar.Calendar365.monthName(m);
                    float[] month = Products.cells(out.resolve("eemt/EEMT_" + kind + "_" + mon + "_" + year + ".tif"));
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += month[i];
                    }
                }
                double total = 0;
                double north = 0;
                double south = 0;
                int valid = 0;
                int northCells = 0;
                int southCells = 0;
                for (int i = 0; i < annual.length; i++) {
                    if (Float.isNaN(annual[i])) {
                        continue;
                    }
                    assertEquals(sum[i], annual[i], 1e-4 * Math.max(1, Math.abs(sum[i])), "annual = sum of months, cell " + i);
                    total += annual[i];
                    valid++;
                    if (northness[i] > 0.3) {
                        north += annual[i];
                        northCells++;
                    } else if (northness[i] < -0.3) {
                        south += annual[i];
                        southCells++;
                    }
                }
                double mean = total / valid;
                System.out.printf("%s: EEMT_%s %d mean %.2f MJ m-2 yr-1; north (n > 0.3, %d cells) %.2f, south (n < -0.3, %d cells) %.2f%n",
                        what, kind, year, mean, northCells, north / northCells, southCells, south / southCells);
                assertTrue(mean > 1 && mean < 60, what + ": EEMT_" + kind + " " + year + " mean " + mean);
                assertTrue(northCells > 100 && southCells > 100, "both aspects present");
                aspects.add(new Aspects(kind, year, north / northCells, south / southCells));
            }
        }
        return aspects;
    }
}
