package org.eemt.geo.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.sis.referencing.CRS;
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
}
