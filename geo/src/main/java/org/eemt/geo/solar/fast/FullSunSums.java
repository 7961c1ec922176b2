package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.MuneerDiffuse;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.SolarDay;

/**
 * One day's irradiation of a cell in full sun, summed over the day's last sample groups, tabulated at
 * fixed latitude and elevation nodes (SCIENCE.md Eq. 2.10–2.26 as {@link SolarTileModel} computes them).
 *
 * <p>Groups ({@link SampleGroups}) are ordered by rising sun, so from some group on to noon a cell is in
 * <em>full sun</em>: h0 ≥ 0.1 rad (Muneer's high-sun form), h0 above the cell's slope (β &lt; h0, so
 * cosθ &gt; 0 whatever the azimuth) and above every terrain horizon the cell has. A group of w samples in
 * full sun (w = 2 for a pair t, 24 − t, whose eastward terms cancel) adds to the flat and the real surface
 * <pre>
 *   flat      F = w·(B_h + D_h)
 *   inclined  w·D_h·(1 − Kb)·r_sky + w·D_h·N·(1 − Kb)·f_g + F·ρ(1 − cosβ)/2
 *             + w·P·cos h0·cos A·(sinβ·cos a) + w·P·sin h0·cosβ + [w = 1] P·cos h0·sin A·(sinβ·sin a)
 *   horizontal F
 * </pre>
 * with Kb = τ, N = 0.00263 − 0.712·Kb − 0.6883·Kb², P = τ·(G0 + D_h/sin h0) (B_i + Muneer's
 * D_h·Kb·cosθ/sin h0 per unit cosθ) and the reflected B_h counted, as every sample is sunlit. The six
 * coefficients depend on the cell only through its latitude φ (the sun's path) and its elevation z (τ's air
 * mass), so their sums from each group to the last are computed once per day at the nodes φ = j·{@value
 * #LATITUDE_STEP_RADIANS} rad and z = k·{@value #ELEVATION_STEP_METRES} m, and a cell reads them
 * interpolated: linearly in φ, quadratically in z (Lagrange, the three nodes nearest). The nodes do not depend on the tile, so
 * neither does a cell's result; the interpolation error is below 1e-7 of the sums (docs/performance.md).
 */
final class FullSunSums {
    /** Latitude between nodes, 2⁻¹² rad (0.014°, 1.6 km). */
    static final double LATITUDE_STEP_RADIANS = 1.0 / 4096;
    /** Elevation between nodes (m). */
    static final double ELEVATION_STEP_METRES = 32;
    /** The sums per node and group: F, then the coefficients of r_sky, f_g, sinβ·cos a, cosβ and sinβ·sin a. */
    private static final int SUMS = 6;

    private final int groupCount;
    private final int firstLatitudeNode;
    private final int firstElevationNode;
    private final int elevationNodes;
    /** Per latitude node, its first group with the sun above the horizontal (it and later groups are tabulated). */
    private final int[] firstTabulated;
    /**
     * [((latitude node · (groups + 1) + group) · elevation nodes + elevation node) · SUMS + sum], the sums from the group
     * to the last (the row after the last group: zeros; rows before a node's first daylight group: unused).
     */
    private final double[] sums;
    private final int groupStride;
    private final int latitudeStride;
    /** The located cell: the table index of its nodes at group 0, and the weights of its 2 x 3 nodes. */
    private int cellBase;
    private final double[] cellWeights = new double[6];

    /**
     * The day's sums for cells with latitudes in [{@code minLatitude}, {@code maxLatitude}] (radians) and
     * elevations in [{@code minElevation}, {@code maxElevation}] (m), in {@code buffer} when it is long enough (a
     * previous day's {@link #buffer()}: fresh memory costs page faults), else in a new array.
     */
    FullSunSums(SampleGroups groups, ClearSkyTable sky, SolarDay day, double minLatitude, double maxLatitude,
                double minElevation, double maxElevation, double[] buffer) {
        groupCount = groups.size();
        firstLatitudeNode = (int) Math.floor(minLatitude / LATITUDE_STEP_RADIANS);
        int latitudeNodes = (int) Math.floor(maxLatitude / LATITUDE_STEP_RADIANS) + 2 - firstLatitudeNode;
        firstElevationNode = (int) Math.floor(minElevation / ELEVATION_STEP_METRES + 0.5) - 1;
        elevationNodes = (int) Math.floor(maxElevation / ELEVATION_STEP_METRES + 0.5) + 2 - firstElevationNode;
        double g0 = day.extraterrestrialIrradiance();
        double sinDeclination = Math.sin(day.declinationRadians());
        double cosDeclination = Math.cos(day.declinationRadians());
        firstTabulated = new int[latitudeNodes];
        groupStride = elevationNodes * SUMS;
        latitudeStride = (groupCount + 1) * groupStride;
        int length = latitudeNodes * latitudeStride;
        sums = buffer != null && buffer.length >= length ? buffer : new double[length];
        double[] elevationFactor = new double[elevationNodes];
        for (int k = 0; k < elevationNodes; k++) {
            elevationFactor[k] = OpticalAirMass.elevationFactor((firstElevationNode + k) * ELEVATION_STEP_METRES);
        }
        for (int j = 0; j < latitudeNodes; j++) {
            double latitude = (firstLatitudeNode + j) * LATITUDE_STEP_RADIANS;
            double a = Math.sin(latitude) * sinDeclination;
            double b = Math.cos(latitude) * cosDeclination;
            double p = Math.cos(latitude) * sinDeclination;
            double q = -Math.sin(latitude) * cosDeclination;
            firstTabulated[j] = groups.firstAboveHorizon(a, b);
            int afterLast = j * latitudeStride + groupCount * groupStride;
            java.util.Arrays.fill(sums, afterLast, afterLast + groupStride, 0);
            for (int g = groupCount - 1; g >= firstTabulated[j]; g--) {
                double cosT = groups.cosHourAngle(g);
                double s = a + b * cosT;
                double seaLevelAirMass = AirMassTable.atSeaLevel(s);
                double dh = g0 * sky.diffuseFraction(s);
                double north = p + q * cosT;
                double east = -cosDeclination * groups.sinHourAngle(g);
                boolean paired = groups.paired(g);
                double w = paired ? 2 : 1;
                int at = j * latitudeStride + g * groupStride;
                for (int k = 0; k < elevationNodes; k++, at += SUMS) {
                    double tau = sky.beamTransmittance(elevationFactor[k] * seaLevelAirMass);
                    double n = MuneerDiffuse.n(tau);
                    double perCosTheta = tau * (g0 + dh / s);
                    int next = at + groupStride;
                    sums[at] = sums[next] + w * (g0 * s * tau + dh);
                    sums[at + 1] = sums[next + 1] + w * dh * (1 - tau);
                    sums[at + 2] = sums[next + 2] + w * dh * n * (1 - tau);
                    sums[at + 3] = sums[next + 3] + w * perCosTheta * north;
                    sums[at + 4] = sums[next + 4] + w * perCosTheta * s;
                    sums[at + 5] = sums[next + 5] + (paired ? 0 : perCosTheta * east);
                }
            }
        }
    }

    /** The array the sums are in, for the next day's table. */
    double[] buffer() {
        return sums;
    }

    /**
     * Points the reads at a cell at {@code latitude} (radians) and {@code elevation} (m); returns the first group the
     * reads can start at (every later one can too): the first with the sun above the horizontal at both neighbouring
     * latitude nodes.
     */
    int locate(double latitude, double elevation) {
        double u = latitude / LATITUDE_STEP_RADIANS;
        int j = (int) Math.floor(u);
        double v = elevation / ELEVATION_STEP_METRES;
        int k = (int) Math.floor(v + 0.5);
        double x = u - j;
        double t = v - k;
        j -= firstLatitudeNode;
        // Lagrange weights of the nodes k − 1, k, k + 1 at k + t, |t| ≤ ½
        double w0 = t * (t - 1) / 2;
        double w1 = 1 - t * t;
        double w2 = t * (t + 1) / 2;
        double[] weights = cellWeights;
        weights[0] = (1 - x) * w0;
        weights[1] = (1 - x) * w1;
        weights[2] = (1 - x) * w2;
        weights[3] = x * w0;
        weights[4] = x * w1;
        weights[5] = x * w2;
        cellBase = j * latitudeStride + (k - 1 - firstElevationNode) * SUMS;
        return Math.max(firstTabulated[j], firstTabulated[j + 1]);
    }

    /** The located cell's Σ w·(B_h + D_h) over the groups from {@code from} (at least {@link #locate}'s) to the last (W m⁻² x samples). */
    double flat(int from) {
        return interpolate(index(from));
    }

    /** The located cell's inclined surface, summed over the groups from {@code from} to the last, from its constants (class comment). */
    double inclined(int from, double skyView, double horizonBrightening, double reflectedFraction, double slopeNorth,
                    double cosSlope, double slopeEast) {
        int i = index(from);
        return interpolate(i + 1) * skyView + interpolate(i + 2) * horizonBrightening + interpolate(i) * reflectedFraction
                + interpolate(i + 3) * slopeNorth + interpolate(i + 4) * cosSlope + interpolate(i + 5) * slopeEast;
    }

    private int index(int from) {
        return cellBase + from * groupStride;
    }

    private double interpolate(int i) {
        double[] w = cellWeights;
        double[] table = sums;
        int i2 = i + latitudeStride;
        return w[0] * table[i] + w[1] * table[i + SUMS] + w[2] * table[i + 2 * SUMS]
                + w[3] * table[i2] + w[4] * table[i2 + SUMS] + w[5] * table[i2 + 2 * SUMS];
    }
}
