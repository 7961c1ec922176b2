package org.eemt.geo.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;
import org.apache.sis.referencing.CommonCRS;

class MetricCellSizeTest {

    @Test
    void geographicCellsUseTheEllipsoidsRadiiOfCurvature() {
        // One row of 3" cells centred on 45° N, WGS84 (a = 6378137, f = 1/298.257223563):
        // e² = f(2 − f) = 0.00669437999; sin²45° = 0.5; w = 1 − e²/2 = 0.99665281
        // N = a/√w = 6388838.29 m; dx = N·cos45°·(3/3600)° in rad = 6388838.29·0.70710678·1.4544410e-5 = 65.7057 m
        // M = a(1 − e²)/w^1.5 = 6367381.82 m; dy = M·1.4544410e-5 = 92.6098 m
        double cell = 3.0 / 3600;
        RasterGrid grid = RasterGrid.of(10, 1, -100, 45 + cell / 2, cell, cell, CommonCRS.WGS84.normalizedGeographic());
        MetricCellSize sizes = new MetricCellSize(grid);
        assertEquals(65.7057, sizes.dx(0), 1e-3);
        assertEquals(92.6098, sizes.dy(0), 1e-3);
    }

    @Test
    void projectedCellsAreTheGridsCellSize() {
        RasterGrid grid = RasterGrid.of(10, 10, 0, 0, 10, 12.5, CommonCRS.WGS84.universal(35, -106));
        MetricCellSize sizes = new MetricCellSize(grid);
        assertEquals(10, sizes.dx(3));
        assertEquals(12.5, sizes.dy(7));
    }
}
