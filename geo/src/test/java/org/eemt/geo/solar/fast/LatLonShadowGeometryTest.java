package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shadow geometry on geographic and projected grids: a 500 m tower on a plain at 37.28° N casts, in
 * the ray and horizon modes, a shadow whose far end lies at 500 m / tan h0 from the tower, opposite
 * the sun's azimuth (within the few cells that nearest-cell sampling allows), whether the grid is in
 * degrees (3″ cells, about 74 x 93 m) or in metres.
 *
 * <p>On lat/lon grids this, and not r.sun in a lat/lon location, is the reference for the shadows:
 * GRASS 8.2 r.sun's own shadow ray there counts only the north–south separation as distance, so
 * the same tower's r.sun shadows are far too long (day 172: 4.5 km at 7:00 where geometry says
 * 1.05 km, 100 cells to the map edge at 8:00, 2.8 km at 9:00 instead of 0.43 km), while in a UTM
 * location they are geometric ({@link RsunLatLonShadowTest}).
 */
class LatLonShadowGeometryTest {
    private static final int N = 201;
    private static final int TOWER = 100;

    @ParameterizedTest
    @CsvSource({"true, RAY, 7.0", "true, RAY, 9.0", "true, HORIZON, 7.0", "true, HORIZON, 15.5",
                "false, RAY, 7.0", "false, HORIZON, 9.0"})
    void towerShadowEndsWhereGeometryPutsIt(boolean geographic, Shading shading, double solarTime) throws Exception {
        RasterGrid grid = geographic
                ? RasterGrid.of(N, N, -113.1, 37.2 + N / 1200.0, 1 / 1200.0, 1 / 1200.0, CommonCRS.WGS84.normalizedGeographic())
                : RasterGrid.of(N, N, 300000, 4130000 + 30.0 * N, 30, 30, CRS.forCode("EPSG:32612"));
        float[] z = new float[N * N];
        Arrays.fill(z, 1000);
        z[TOWER * N + TOWER] = 1500;
        float[] flat = new float[N * N];
        float[] noAspect = new float[N * N];
        Arrays.fill(noAspect, Float.NaN);
        PixelWindow all = grid.extent();
        SolarTile tile = new SolarTile(grid, 1500, all, z, all, flat, noAspect);
        SolarParameters p = SolarParameters.defaults().withShading(shading).withHorizon(2_000, 360);
        TerrainShadow shadow = shading == Shading.RAY
                ? new RayShadow(tile, new MetricCellSize(grid), p.horizonDistanceMetres())
                : HorizonShadow.compute(tile, new MetricCellSize(grid), p.horizonDistanceMetres(), p.horizonAzimuths(),
                        SunAzimuths.of(grid, null), 1);

        double latitude = CellCoordinates.latitudesRadians(grid, new PixelWindow(TOWER, TOWER, 1, 1))[0];
        SolarDay day = SolarDay.of(172);
        double t = (solarTime - 12) * Math.PI / 12;
        double d = day.declinationRadians();
        double sin = Math.sin(latitude) * Math.sin(d) + Math.cos(latitude) * Math.cos(d) * Math.cos(t);
        double north = Math.cos(latitude) * Math.sin(d) - Math.sin(latitude) * Math.cos(d) * Math.cos(t);
        double east = -Math.cos(d) * Math.sin(t);
        double cos = Math.hypot(north, east);
        double azimuth = (Math.atan2(east, north) + 2 * Math.PI) % (2 * Math.PI);

        MetricCellSize size = new MetricCellSize(grid);
        double dx = size.dx(TOWER);
        double dy = size.dy(TOWER);
        double farthest = 0;
        double worstSide = 0;
        for (int cell = 0; cell < N * N; cell++) {
            if (cell == TOWER * N + TOWER || !shadow.isShadowed(cell, SunDirection.of(east, north, sin))) {
                continue;
            }
            double ex = (cell % N - TOWER) * dx;   // metres east of the tower
            double ny = (TOWER - cell / N) * dy;   // metres north of the tower
            double along = -(ex * Math.sin(azimuth) + ny * Math.cos(azimuth));
            double side = Math.abs(ex * Math.cos(azimuth) - ny * Math.sin(azimuth));
            assertTrue(along > 0, "shadow on the sunny side at " + ex + ", " + ny);
            farthest = Math.max(farthest, Math.hypot(ex, ny));
            worstSide = Math.max(worstSide, side);
        }
        double expected = 500 / (sin / cos);
        double cellDiagonal = Math.hypot(dx, dy);
        System.out.printf("%s %s t=%.1f: shadow ends at %.0f m, geometry says %.0f m (cells %.1f x %.1f m), off-line %.0f m%n",
                geographic ? "lat/lon" : "UTM", shading, solarTime, farthest, expected, dx, dy, worstSide);
        // nearest-cell sampling (and, for horizons, 1° azimuth interpolation) puts the far end within a few cells
        assertEquals(expected, farthest, 2.5 * cellDiagonal);
        assertTrue(worstSide <= cellDiagonal, "shadow strays " + worstSide + " m from the line opposite the sun");
    }
}
