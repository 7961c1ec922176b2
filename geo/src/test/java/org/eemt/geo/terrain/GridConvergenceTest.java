package org.eemt.geo.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;

/** Grid convergence against the closed forms of Snyder (1987) at the sample DEM's site (35.80° N, 106.62° W). */
class GridConvergenceTest {

    private static RasterGrid grid(String code, double x, double y) throws Exception {
        return RasterGrid.of(3, 3, x - 15, y + 15, 10, 10, CRS.forCode(code));
    }

    @Test
    void utmConvergenceIsTheLongitudeOffsetTimesSineOfLatitude() throws Exception {
        // EPSG:26913 (UTM 13N, central meridian 105° W): gamma ~ (lon - lon0) sin(lat) = -1.62° x sin 35.80°
        double gamma = GridConvergence.largestDegrees(grid("EPSG:26913", 353_260, 3_963_315));
        assertEquals(-1.62 * Math.sin(Math.toRadians(35.80)), gamma, 0.02);
    }

    @Test
    void albersConvergenceIsTheConeConstantTimesTheLongitudeOffset() throws Exception {
        // EPSG:5070 (CONUS Albers, standard parallels 29.5° and 45.5°, central meridian 96° W):
        // gamma = n (lon - lon0), n ~ (sin 29.5° + sin 45.5°) / 2 on the sphere
        double n = (Math.sin(Math.toRadians(29.5)) + Math.sin(Math.toRadians(45.5))) / 2;
        double gamma = GridConvergence.largestDegrees(grid("EPSG:5070", -949_307, 1_469_441));
        assertEquals(n * (-106.62 + 96), gamma, 0.05);
    }

    /**
     * The per-cell convergence interpolated from the lattice against the one measured at each cell: 12 M cells of
     * 30 m in EPSG:5070 (104 km a side, south-west of the sample site, where γ changes fastest of the CONUS grids'
     * usual sites) within 1e-6° (the bilinear error h²/8·|γ''|), and interpolated in about a second.
     */
    @Test
    void latticeInterpolationIsWithinAMillionthOfADegreeOfEachCell() throws Exception {
        RasterGrid dem = RasterGrid.of(3464, 3464, -1_500_000, 1_500_000, 30, 30, CRS.forCode("EPSG:5070"));
        long start = System.nanoTime();
        GridConvergence convergence = GridConvergence.of(dem);
        double[] gamma = convergence.radians(dem.extent());
        double seconds = (System.nanoTime() - start) / 1e9;
        double worst = 0;
        java.util.Random random = new java.util.Random(15);
        for (int k = 0; k < 20_000; k++) {
            int column = random.nextInt(dem.columns());
            int row = random.nextInt(dem.rows());
            worst = Math.max(worst, Math.abs(gamma[row * dem.columns() + column] - convergence.exactRadians(column, row)));
        }
        // a window gives its cells' values bit for bit (tile invariance)
        PixelWindow window = new PixelWindow(1000, 2000, 77, 55);
        double[] part = convergence.radians(window);
        for (int i = 0; i < part.length; i++) {
            assertEquals(gamma[(window.y0() + i / 77) * dem.columns() + window.x0() + i % 77], part[i]);
        }
        System.out.printf(java.util.Locale.ROOT, "12 M cells, EPSG:5070: lattice every %d cells, largest |gamma| %.2f deg, "
                + "worst interpolation error %.2e deg over 20 000 cells, %.2f s%n", convergence.spacing(),
                Math.toDegrees(convergence.largestAbsRadians()), Math.toDegrees(worst), seconds);
        assertTrue(Math.toDegrees(worst) <= 1e-6, "worst error " + Math.toDegrees(worst) + " deg");
        assertTrue(convergence.largestAbsRadians() > Math.toRadians(5), "largest " + convergence.largestAbsRadians());
    }

    @Test
    void geographicDemsHaveNoConvergence() {
        RasterGrid dem = RasterGrid.of(100, 100, -113.3, 37.45, 1 / 1200.0, 1 / 1200.0, CommonCRS.WGS84.normalizedGeographic());
        GridConvergence convergence = GridConvergence.of(dem);
        assertEquals(0, convergence.largestAbsRadians());
        for (double g : convergence.radians(dem.extent())) {
            assertEquals(0, g);
        }
    }
}
