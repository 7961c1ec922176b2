package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day's sample times folded about noon: every sample t = (k + ½)·step counted once, with its own hour angle. */
class SampleGroupsTest {

    @Test
    void defaultStepGivesFortyEightPairsInIncreasingCosine() {
        SampleGroups groups = SampleGroups.of(0.25);
        assertEquals(48, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            assertTrue(groups.paired(g), "group " + g);
            if (g > 0) {
                assertTrue(groups.cosHourAngle(g) > groups.cosHourAngle(g - 1), "order at " + g);
            }
        }
        assertSamplesCovered(0.25);
    }

    @Test
    void oddSymmetricGridKeepsNoonAlone() {
        double step = 24.0 / 7; // samples at 12 ± 3.43 k h: t = 12 is its own mirror
        SampleGroups groups = SampleGroups.of(step);
        assertEquals(4, groups.size());
        int last = groups.size() - 1;
        assertTrue(!groups.paired(last) && groups.cosHourAngle(last) == 1.0, "noon alone, last");
        assertSamplesCovered(step);
    }

    @Test
    void asymmetricGridHasGroupsOfOne() {
        SampleGroups groups = SampleGroups.of(0.35); // 69 samples, 0.175 .. 23.975 h: not symmetric about noon
        assertEquals(69, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            assertTrue(!groups.paired(g), "group " + g);
        }
        assertSamplesCovered(0.35);
    }

    @Test
    void firstAboveHorizonIsTheFirstDaylightGroup() {
        SampleGroups groups = SampleGroups.of(0.25);
        for (double latitude = -89; latitude <= 89; latitude += 7.3) {
            for (double declination = -23.44; declination <= 23.44; declination += 3.1) {
                double phi = Math.toRadians(latitude);
                double delta = Math.toRadians(declination);
                double a = Math.sin(phi) * Math.sin(delta);
                double b = Math.cos(phi) * Math.cos(delta);
                int expected = groups.size();
                for (int g = groups.size() - 1; g >= 0 && a + b * groups.cosHourAngle(g) > 0; g--) {
                    expected = g;
                }
                assertEquals(expected, groups.firstAboveHorizon(a, b), "latitude " + latitude + ", declination " + declination);
            }
        }
    }

    @Test
    void firstReachingAnAltitudeAndThePairsFirst() {
        for (double step : new double[] {0.25, 24.0 / 7, 0.35}) {
            SampleGroups groups = SampleGroups.of(step);
            int total = (int) Math.ceil(24 / step - 0.5);
            assertEquals(total, groups.size() + groups.pairs());
            for (int g = 0; g < groups.size(); g++) {
                assertEquals(g < groups.pairs(), groups.paired(g));
                // a pair's first sample is before noon (east of the meridian), a single one on it or the grid asymmetric
                if (groups.paired(g)) {
                    assertTrue(groups.sinHourAngle(g) < 0);
                }
            }
            double a = Math.sin(Math.toRadians(37)) * Math.sin(Math.toRadians(10));
            double b = Math.cos(Math.toRadians(37)) * Math.cos(Math.toRadians(10));
            for (double sinAltitude = -0.5; sinAltitude <= 1; sinAltitude += 0.01) {
                int expected = groups.size();
                for (int g = groups.size() - 1; g >= 0 && a + b * groups.cosHourAngle(g) >= sinAltitude; g--) {
                    expected = g;
                }
                assertEquals(expected, groups.firstReaching(a, b, sinAltitude), "step " + step + ", sin h0 " + sinAltitude);
            }
        }
    }

    /** Each sample's hour angle appears exactly once: as a group's first sample, or as a pair's mirror (−sin T). */
    private static void assertSamplesCovered(double step) {
        SampleGroups groups = SampleGroups.of(step);
        List<double[]> members = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            members.add(new double[] {groups.cosHourAngle(g), groups.sinHourAngle(g)});
            if (groups.paired(g)) {
                members.add(new double[] {groups.cosHourAngle(g), -groups.sinHourAngle(g)});
            }
        }
        int samples = (int) Math.ceil(24 / step - 0.5);
        assertEquals(samples, members.size());
        for (int k = 0; k < samples; k++) {
            double hourAngle = ((k + 0.5) * step - 12) * Math.PI / 12;
            long found = members.stream()
                    .filter(m -> Math.abs(m[0] - Math.cos(hourAngle)) < 1e-12 && Math.abs(m[1] - Math.sin(hourAngle)) < 1e-12)
                    .count();
            assertEquals(1, found, "sample " + k + " at " + (k + 0.5) * step + " h");
        }
    }
}
