package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fast inverse trigonometry of the hot loop against {@link Math}. */
class FastAnglesTest {
    @Test
    void azimuthMatchesAtan2AllAroundTheCompass() {
        double worst = 0;
        for (int i = 0; i < 100_000; i++) {
            double a = 2 * Math.PI * i / 100_000;
            double r = 0.01 + (i % 7) * 0.3;
            double east = r * Math.sin(a);
            double north = r * Math.cos(a);
            double exact = (Math.atan2(east, north) + 2 * Math.PI) % (2 * Math.PI);
            double d = Math.abs(FastAngles.azimuth(east, north) - exact);
            worst = Math.max(worst, Math.min(d, 2 * Math.PI - d));
        }
        assertTrue(worst < 1e-8, "worst azimuth error " + worst);
    }

    @Test
    void asinSeriesMatchesAsinBelowTheLowSunThreshold() {
        double worst = 0;
        for (int i = 0; i <= 10_000; i++) {
            double s = Math.sin(0.1) * i / 10_000;
            worst = Math.max(worst, Math.abs(FastAngles.asinSmall(s) - Math.asin(s)));
        }
        assertTrue(worst < 1e-10, "worst asin error " + worst);
    }
}
