package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two kinds of {@link SunDirection} give the shadow tests the same answers. */
class SunDirectionTest {
    @Test
    void resolvedAndOnDemandAgreeOnSectorAzimuthAndHiding() {
        SplittableRandom random = new SplittableRandom(3);
        SunDirection.Resolved resolved = new SunDirection.Resolved();
        for (int n = 0; n < 20_000; n++) {
            double altitude = n < 10 ? Math.PI / 2 * n / 10 : random.nextDouble(1e-6, Math.PI / 2);
            double azimuth = random.nextDouble(0, 2 * Math.PI);
            double s = Math.sin(altitude);
            double east = Math.cos(altitude) * Math.sin(azimuth);
            double north = Math.cos(altitude) * Math.cos(azimuth);
            SunDirection onDemand = SunDirection.of(east, north, s);
            resolved.set(east, north, s);
            assertEquals(onDemand.sector(), resolved.sector());
            assertEquals(onDemand.azimuth(), resolved.azimuth());
            // horizon angles at, just around and far from the sun's altitude, ulp by ulp
            double[] angles = {0, altitude, Math.nextDown(altitude), Math.nextUp(altitude), Math.asin(s),
                Math.nextDown(Math.asin(s)), Math.nextUp(Math.asin(s)), random.nextDouble(0, Math.PI / 2), Math.PI / 2};
            for (double angle : angles) {
                assertEquals(onDemand.isHiddenBy(angle), resolved.isHiddenBy(angle), "sin h0 " + s + ", angle " + angle);
            }
            // and both as Math.sin says, on either side of the on-demand test's polynomial bounds (x⁵/120 wide)
            for (double delta = 1e-1; delta > 1e-17; delta /= 7) {
                for (double angle : new double[] {altitude - delta, altitude + delta}) {
                    if (angle >= 0 && angle <= Math.PI / 2) {
                        boolean hidden = Math.sin(angle) > s;
                        assertEquals(hidden, onDemand.isHiddenBy(angle), "on demand: sin h0 " + s + ", angle " + angle);
                        assertEquals(hidden, resolved.isHiddenBy(angle), "resolved: sin h0 " + s + ", angle " + angle);
                    }
                }
            }
        }
    }
}
