package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.solar.model.SolarDay;
import org.junit.jupiter.api.Test;

/** {@link SunAzimuths}: every sun position above the horizontal, on every day and at every latitude of a DEM, is allowed. */
class SunAzimuthsTest {

    @Test
    void everySunAboveTheHorizontalIsWithinTheRange() throws Exception {
        RasterGrid[] dems = {
                RasterGrid.of(465, 457, -113.3, 37.45, 1 / 1200.0, 1 / 1200.0, CommonCRS.WGS84.normalizedGeographic()), // Zion-like
                RasterGrid.of(400, 300, 300000, 4130000, 30, 30, CRS.forCode("EPSG:32612")),                            // UTM 12N
                RasterGrid.of(200, 200, -77.0, -25.0, 0.01, 0.01, CommonCRS.WGS84.normalizedGeographic()),              // south
                RasterGrid.of(200, 200, 10.0, 71.0, 0.01, 0.01, CommonCRS.WGS84.normalizedGeographic()),                // polar day
                RasterGrid.of(200, 200, 30.0, 10.0, 0.01, 0.01, CommonCRS.WGS84.normalizedGeographic())};               // tropics
        for (RasterGrid dem : dems) {
            SunAzimuths sun = SunAzimuths.of(dem, null);
            // in grid directions, A − γ (SCIENCE.md Eq. 2.30)
            GridConvergence convergence = GridConvergence.of(dem);
            SunAzimuths inGrid = SunAzimuths.of(dem, convergence);
            double[] latitudes = CellCoordinates.latitudesRadians(dem, dem.extent());
            int w = dem.columns();
            int h = dem.rows();
            // corners, edge midpoints and the centre: the extremes of latitude and between
            int[] cells = {0, w - 1, (h - 1) * w, h * w - 1, w / 2, (h - 1) * w + w / 2, (h / 2) * w, (h / 2) * w + w - 1, (h / 2) * w + w / 2};
            for (int i : cells) {
                double phi = latitudes[i];
                double gamma = convergence.exactRadians(i % w, i / w);
                for (int d = 1; d <= 365; d++) {
                    double delta = SolarDay.of(d).declinationRadians();
                    for (int k = 0; k < 24 * 20; k++) {
                        double hourAngle = (k / 20.0 - 12) * Math.PI / 12;
                        double s = Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.cos(hourAngle);
                        if (s > 0) {
                            double north = Math.cos(phi) * Math.sin(delta) - Math.sin(phi) * Math.cos(delta) * Math.cos(hourAngle);
                            double east = -Math.cos(delta) * Math.sin(hourAngle);
                            double azimuth = (Math.atan2(east, north) + 2 * Math.PI) % (2 * Math.PI);
                            assertTrue(sun.near(azimuth, 0), dem.describe() + ": latitude " + Math.toDegrees(phi) + ", day " + d
                                    + ", azimuth " + Math.toDegrees(azimuth));
                            double gridAzimuth = Math.IEEEremainder(azimuth - gamma, 2 * Math.PI);
                            assertTrue(inGrid.near(gridAzimuth, 0), dem.describe() + ": grid azimuth " + Math.toDegrees(gridAzimuth));
                        }
                    }
                }
            }
        }
    }

    @Test
    void poleSideAzimuthsAreLeftOutPolewardOfTheTropicsOnly() throws Exception {
        SunAzimuths zion = SunAzimuths.of(RasterGrid.of(465, 457, -113.3, 37.45, 1 / 1200.0, 1 / 1200.0,
                CommonCRS.WGS84.normalizedGeographic()), null);
        // at 37.4° N the sun rises at most 59.9° east of north: the northern 119° are never the sun's
        assertFalse(zion.near(0, 0));
        assertFalse(zion.near(Math.toRadians(300.5), 0));
        assertTrue(zion.near(Math.toRadians(60), 0));
        assertTrue(zion.near(Math.toRadians(40), Math.toRadians(20)));
        SunAzimuths south = SunAzimuths.of(RasterGrid.of(200, 200, -77.0, -25.0, 0.01, 0.01, CommonCRS.WGS84.normalizedGeographic()), null);
        assertFalse(south.near(Math.PI, 0));
        assertTrue(south.near(0, 0));
        SunAzimuths tropics = SunAzimuths.of(RasterGrid.of(200, 200, 30.0, 10.0, 0.01, 0.01, CommonCRS.WGS84.normalizedGeographic()), null);
        assertTrue(tropics.near(0, 0) && tropics.near(Math.PI, 0));
    }
}
