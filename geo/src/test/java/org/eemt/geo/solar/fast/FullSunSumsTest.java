package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.eemt.geo.solar.model.EsraClearSky;
import org.eemt.geo.solar.model.MuneerDiffuse;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.SolarDay;
import org.junit.jupiter.api.Test;

/** {@link FullSunSums}: the interpolated sums against the same sums computed group by group with the exact formulas. */
class FullSunSumsTest {

    @Test
    void interpolatedSumsMatchTheExactSumsOverTheGroups() {
        Random random = new Random(7);
        EsraClearSky sky = new EsraClearSky(3.0);
        double worstFlat = 0;
        double worstInclined = 0;
        // days whose noon sun stays below 10°, where the sun skims the horizon all day: the table's largest errors
        double worstLowDay = 0;
        for (double step : new double[] {0.25, 0.35, 24.0 / 97, 24.0 / 7}) {
            SampleGroups groups = SampleGroups.of(step);
            for (int day : new int[] {1, 80, 172, 266, 355}) {
                SolarDay solarDay = SolarDay.of(day);
                for (int trial = 0; trial < 200; trial++) {
                    double latitude = Math.toRadians(-60 + 125 * random.nextDouble());
                    double elevation = -50 + 4500 * random.nextDouble();
                    FullSunSums sums = new FullSunSums(groups, new ClearSkyTable(sky), solarDay, latitude - 0.01, latitude + 0.02, elevation - 300,
                            elevation + 10, null);
                    double sinLatitude = Math.sin(latitude);
                    double cosLatitude = Math.cos(latitude);
                    double a = sinLatitude * Math.sin(solarDay.declinationRadians());
                    double b = cosLatitude * Math.cos(solarDay.declinationRadians());
                    int[] nodes = new int[2];
                    double[] weights = new double[FullSunSums.NODES];
                    sums.place(latitude, elevation, nodes, weights, 0);
                    int from = sums.locate(nodes, weights, 0, groups.firstReaching(a, b, Math.sin(0.1)));
                    // a cell in full sun from sunrise (and at least locate's), low sun included
                    int start = Math.max(from, groups.firstAboveHorizon(a, b));
                    // the first samples and the second ones tabulated from groups of their own
                    int firstStart = Math.min(groups.size(), start + random.nextInt(4));
                    int secondStart = Math.min(groups.size(), start + random.nextInt(4));
                    double[] cell = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble() - 0.5,
                            random.nextDouble(), random.nextDouble() - 0.5, -2 * random.nextDouble()};
                    double[] exact = exactSums(groups, sky, solarDay, latitude, elevation, firstStart, secondStart, cell);
                    double[] exactFlat = exactSums(groups, sky, solarDay, latitude, elevation, start, start, cell);
                    if (exact[0] == 0 || exactFlat[0] == 0) {
                        continue;
                    }
                    double flat = Math.max(Math.abs(sums.flat(start) - exactFlat[0]) / exactFlat[0],
                            Math.abs(sums.diffuse(start) - exactFlat[2]) / exactFlat[2]);
                    double inclined = Math.abs(sums.sunlit(firstStart, false, cell[2], cell[0], cell[1], cell[3], cell[4], cell[5], cell[6])
                            + sums.sunlit(secondStart, true, cell[2], cell[0], cell[1], cell[3], cell[4], cell[5], cell[6]) - exact[1])
                            / Math.abs(exact[0]);
                    if (a + b < Math.sin(Math.toRadians(10))) {
                        worstLowDay = Math.max(worstLowDay, Math.max(flat, inclined));
                    } else {
                        worstFlat = Math.max(worstFlat, flat);
                        worstInclined = Math.max(worstInclined, inclined);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "full-sun sums: worst relative error flat %.2e, inclined %.2e; days with the noon sun below 10°: %.2e%n",
                worstFlat, worstInclined, worstLowDay);
        assertTrue(worstFlat < 2e-6, "flat " + worstFlat);
        assertTrue(worstInclined < 5e-6, "inclined " + worstInclined);
        assertTrue(worstLowDay < 5e-5, "days of low sun " + worstLowDay);
    }

    @Test
    void aCellReadsTheSameSumsWhateverTheTableCovers() {
        SampleGroups groups = SampleGroups.of(0.25);
        EsraClearSky sky = new EsraClearSky(2.5);
        SolarDay day = SolarDay.of(140);
        double latitude = Math.toRadians(37.2345);
        double elevation = 1876.4;
        FullSunSums small = new FullSunSums(groups, new ClearSkyTable(sky), day, latitude, latitude, elevation, elevation, null);
        // a larger table, in an array that held another day's (a reused buffer leaves nothing behind)
        double[] previous = new FullSunSums(groups, new ClearSkyTable(sky), SolarDay.of(300), latitude - 0.2, latitude + 0.1, 0, 5000, null).buffer();
        FullSunSums large = new FullSunSums(groups, new ClearSkyTable(sky), day, latitude - 0.1, latitude + 0.05, 100, 4000, previous);
        int highSun = groups.firstReaching(Math.sin(latitude) * Math.sin(day.declinationRadians()),
                Math.cos(latitude) * Math.cos(day.declinationRadians()), Math.sin(0.1));
        int[] smallNodes = new int[2 * 3];
        int[] largeNodes = new int[2 * 3];
        double[] smallWeights = new double[FullSunSums.NODES * 3];
        double[] largeWeights = new double[FullSunSums.NODES * 3];
        small.place(latitude, elevation, smallNodes, smallWeights, 2);
        large.place(latitude, elevation, largeNodes, largeWeights, 2);
        int from = small.locate(smallNodes, smallWeights, 2, highSun);
        assertEquals(from, large.locate(largeNodes, largeWeights, 2, highSun));
        for (int g = from; g <= groups.size(); g++) {
            assertEquals(small.flat(g), large.flat(g), "group " + g);
            assertEquals(small.diffuse(g), large.diffuse(g), "group " + g);
            for (boolean second : new boolean[] {false, true}) {
                assertEquals(small.sunlit(g, second, 0.05, 0.9, 0.1, 0.2, 0.95, -0.1, -1.2), large.sunlit(g, second, 0.05, 0.9, 0.1, 0.2, 0.95, -0.1, -1.2));
            }
        }
    }

    /**
     * {Σ (B_h + D_h), Σ of a sunlit inclined surface's B_i + D_i + R_i + cell[6]·D_h, Σ D_h} over the first samples of the groups from
     * {@code firstStart} and the second samples of those from {@code secondStart}, exactly.
     */
    private static double[] exactSums(SampleGroups groups, EsraClearSky sky, SolarDay day, double latitude, double elevation,
                                      int firstStart, int secondStart, double[] cell) {
        double skyView = cell[0];
        double horizonBrightening = cell[1];
        double reflectedFraction = cell[2];
        double slopeNorth = cell[3];
        double cosSlope = cell[4];
        double slopeEast = cell[5];
        double diffuse = cell[6];
        double delta = day.declinationRadians();
        double g0 = day.extraterrestrialIrradiance();
        double flat = 0;
        double inclined = 0;
        double diffuseSum = 0;
        for (int g = Math.min(firstStart, secondStart); g < groups.size(); g++) {
            double cosT = groups.cosHourAngle(g);
            double s = Math.sin(latitude) * Math.sin(delta) + Math.cos(latitude) * Math.cos(delta) * cosT;
            double north = Math.cos(latitude) * Math.sin(delta) - Math.sin(latitude) * Math.cos(delta) * cosT;
            double east = -Math.cos(delta) * groups.sinHourAngle(g);
            double tau = sky.beamTransmittance(OpticalAirMass.elevationFactor(elevation) * OpticalAirMass.atSeaLevel(s));
            double bh = g0 * s * tau;
            double dh = g0 * sky.diffuseFraction(s);
            double n = MuneerDiffuse.n(tau);
            for (double side : groups.paired(g) ? new double[] {1, -1} : new double[] {1}) {
                if (g < (side > 0 ? firstStart : secondStart)) {
                    continue;
                }
                double cosTheta = slopeNorth * north + cosSlope * s + side * slopeEast * east;
                flat += bh + dh;
                diffuseSum += dh;
                double h0 = Math.asin(s);
                // Muneer's Kb·cosθ/sin h0, or below 0.1 rad Kb·sinβ·cos(A − a)/(0.1 − 0.008·h0)
                double beamPart = h0 >= 0.1 ? cosTheta / s
                        : (slopeNorth * north + side * slopeEast * east) / Math.cos(h0) / (0.1 - 0.008 * h0);
                inclined += g0 * tau * cosTheta + dh * ((skyView + n * horizonBrightening) * (1 - tau) + tau * beamPart)
                        + reflectedFraction * (bh + dh) + diffuse * dh;
            }
        }
        return new double[] {flat, inclined, diffuseSum};
    }
}
