package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.MuneerDiffuse;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.SolarDay;

/**
 * One day's irradiation of a cell, summed over the day's samples from each group to the last, tabulated at fixed
 * latitude and elevation nodes (SCIENCE.md Eq. 2.10–2.26 as {@link SolarTileModel} computes them).
 *
 * <p>Groups ({@link SampleGroups}) are ordered by rising sun. One sample adds to the flat and the real surface
 * <pre>
 *   flat                F = B_h + D_h
 *   inclined, sunlit    D_h·(1 − Kb)·r_sky + D_h·N·(1 − Kb)·f_g + F·ρ(1 − cosβ)/2
 *                       + P·cos h0·cos A·(sinβ·cos a) + U·sin h0·cosβ ± P·cos h0·sin A·(sinβ·sin a)
 *   inclined, shadowed  D_h·(r_sky + 0.252271·f_g + ρ(1 − cosβ)/2)
 *   horizontal          F sunlit, D_h shadowed
 * </pre>
 * with Kb = τ, N = 0.00263 − 0.712·Kb − 0.6883·Kb², and B_i + Muneer's beam term per unit cosθ: at high sun
 * (h0 ≥ 0.1 rad) P = U = τ·(G0 + D_h/sin h0) (Kb·cosθ/sin h0), below P = τ·(G0 + D_h/(cos h0·(0.1 − 0.008·h0))) and
 * U = τ·G0 (Kb·sinβ·cos(A − a)/(0.1 − 0.008·h0)). The sign is + for a first sample (cos h0·sin A its eastward
 * component) and − for a second one (the mirror image). The seven coefficients (F, D_h(1 − Kb), D_h·N·(1 − Kb),
 * P·cos h0·cos A, U·sin h0, P·cos h0·sin A, D_h) depend on the cell only through its latitude φ (the sun's path) and
 * its elevation z (τ's air mass), so their sums over the first samples from each group to the last are computed once
 * per day at the nodes φ = j·{@value #LATITUDE_STEP_RADIANS} rad and z = k·{@value #ELEVATION_STEP_METRES} m, and a
 * cell reads them interpolated linearly in φ and in z, from the 2 x 2 nodes around it. The second
 * samples, which only the pairs have ({@link SampleGroups#pairs()}), sum to the same with the eastward term's sign
 * turned, less the groups from the first single one on. A cell's day from a group on is then every sample counted
 * shadowed ({@link #diffuse}) plus, for each run of sunlit samples, the excess of a sunlit sample over a shadowed one
 * summed from the run's first group less from the group after its last ({@link #sunlit}). The nodes do not depend on
 * the tile, so neither does a cell's result. Every group with the sun above the horizontal at a node is tabulated; the
 * interpolation error is largest where the sun stays near the horizon all day, as the air mass changes fastest across a
 * latitude step there ({@code FullSunSumsTest} bounds it, docs/performance.md).
 */
final class FullSunSums {
    /** Latitude between nodes, 2⁻¹² rad (0.014°, 1.6 km). */
    static final double LATITUDE_STEP_RADIANS = 1.0 / 4096;
    /** Elevation between nodes (m). */
    static final double ELEVATION_STEP_METRES = 16;
    /** The sums per node and group: F, then the coefficients of r_sky, f_g, sinβ·cos a, cosβ and sinβ·sin a, then D_h. */
    private static final int SUMS = 7;

    private final int groupCount;
    /** {@link SampleGroups#pairs()}: the second samples' sums from a group g are the first samples' from min(g, pairs) less those from pairs. */
    private final int pairs;
    private final int firstLatitudeNode;
    private final int firstElevationNode;
    private final int elevationNodes;
    /** Per latitude node, its first group with the sun above the horizontal (it and later groups are tabulated). */
    private final int[] firstTabulated;
    /** Per latitude node, its first group with h0 ≥ 0.1 rad, where Muneer's high-sun form takes over. */
    private final int[] firstHighSun;
    /**
     * [((latitude node · (groups + 1) + group) · elevation nodes + elevation node) · SUMS + sum], the sums from the group
     * to the last (the row after the last group: zeros; rows before a node's first daylight group: unused).
     */
    private final double[] sums;
    private final int groupStride;
    private final int latitudeStride;
    /** The located cell: the table index of its nodes at group 0, and the weights of its 2 x 2 nodes, from {@code cellWeightsAt} on. */
    private int cellBase;
    /** The weights of a cell's nodes ({@link #place}): {@value #NODES} a cell. */
    static final int NODES = 4;
    private double[] cellWeights;
    private int cellWeightsAt;
    /** The table offsets of the located cell's nodes from its first: elevation k, k + 1 at φ_j, then at φ_j+1. */
    private final int[] nodeOffset;

    /**
     * The day's sums for cells with latitudes in [{@code minLatitude}, {@code maxLatitude}] (radians) and
     * elevations in [{@code minElevation}, {@code maxElevation}] (m), in {@code buffer} when it is long enough (a
     * previous day's {@link #buffer()}: fresh memory costs page faults), else in a new array.
     */
    FullSunSums(SampleGroups groups, ClearSkyTable sky, SolarDay day, double minLatitude, double maxLatitude,
                double minElevation, double maxElevation, double[] buffer) {
        groupCount = groups.size();
        pairs = groups.pairs();
        firstLatitudeNode = (int) Math.floor(minLatitude / LATITUDE_STEP_RADIANS);
        int latitudeNodes = (int) Math.floor(maxLatitude / LATITUDE_STEP_RADIANS) + 2 - firstLatitudeNode;
        firstElevationNode = (int) Math.floor(minElevation / ELEVATION_STEP_METRES);
        elevationNodes = (int) Math.floor(maxElevation / ELEVATION_STEP_METRES) + 2 - firstElevationNode;
        double g0 = day.extraterrestrialIrradiance();
        double sinDeclination = Math.sin(day.declinationRadians());
        double cosDeclination = Math.cos(day.declinationRadians());
        firstTabulated = new int[latitudeNodes];
        firstHighSun = new int[latitudeNodes];
        groupStride = elevationNodes * SUMS;
        latitudeStride = (groupCount + 1) * groupStride;
        int length = latitudeNodes * latitudeStride;
        sums = buffer != null && buffer.length >= length ? buffer : new double[length];
        nodeOffset = new int[] {0, SUMS, latitudeStride, latitudeStride + SUMS};
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
            firstHighSun[j] = groups.firstReaching(a, b, SolarTileModel.SIN_LOW_SUN);
            int afterLast = j * latitudeStride + groupCount * groupStride;
            java.util.Arrays.fill(sums, afterLast, afterLast + groupStride, 0);
            for (int g = groupCount - 1; g >= firstTabulated[j]; g--) {
                double cosT = groups.cosHourAngle(g);
                double s = a + b * cosT;
                double seaLevelAirMass = AirMassTable.atSeaLevel(s);
                double dh = g0 * sky.diffuseFraction(s);
                double north = p + q * cosT;
                double east = -cosDeclination * groups.sinHourAngle(g);
                boolean highSun = g >= firstHighSun[j];
                // Muneer's beam weight per unit τ on top of G0, and its part that multiplies cosβ·sin h0 (as SunPath's)
                double weight = highSun ? dh / s
                        : dh / (Math.sqrt(north * north + east * east) * MuneerDiffuse.lowSunDenominator(FastAngles.asinSmall(s)));
                double upWeight = highSun ? weight : 0;
                int at = j * latitudeStride + g * groupStride;
                for (int k = 0; k < elevationNodes; k++, at += SUMS) {
                    double tau = sky.beamTransmittance(elevationFactor[k] * seaLevelAirMass);
                    double n = MuneerDiffuse.n(tau);
                    double perCosTheta = tau * (g0 + weight);
                    int next = at + groupStride;
                    sums[at] = sums[next] + g0 * s * tau + dh;
                    sums[at + 1] = sums[next + 1] + dh * (1 - tau);
                    sums[at + 2] = sums[next + 2] + dh * n * (1 - tau);
                    sums[at + 3] = sums[next + 3] + perCosTheta * north;
                    sums[at + 4] = sums[next + 4] + tau * (g0 + upWeight) * s;
                    sums[at + 5] = sums[next + 5] + perCosTheta * east;
                    sums[at + 6] = sums[next + 6] + dh;
                }
            }
        }
    }

    /** The array the sums are in, for the next day's table. */
    double[] buffer() {
        return sums;
    }

    /**
     * Places cell {@code cell} at {@code latitude} (radians) and {@code elevation} (m) among the nodes: its first node's table
     * index at {@code nodes[2·cell]}, its latitude node at {@code nodes[2·cell + 1]} and the weights of its 2 x 2 nodes from
     * {@code weights[NODES·cell]} on. The place holds in the table of every day whose sums cover the same ranges of
     * latitude and elevation ({@link #sameNodes}).
     */
    void place(double latitude, double elevation, int[] nodes, double[] weights, int cell) {
        double u = latitude * (1 / LATITUDE_STEP_RADIANS);
        int j = (int) Math.floor(u);
        double v = elevation * (1 / ELEVATION_STEP_METRES);
        int k = (int) Math.floor(v);
        double x = u - j;
        double t = v - k;
        j -= firstLatitudeNode;
        int at = NODES * cell;
        weights[at] = (1 - x) * (1 - t);
        weights[at + 1] = (1 - x) * t;
        weights[at + 2] = x * (1 - t);
        weights[at + 3] = x * t;
        nodes[2 * cell] = j * latitudeStride + (k - firstElevationNode) * SUMS;
        nodes[2 * cell + 1] = j;
    }

    /** Whether a cell {@link #place placed} by {@code other} reads its nodes here too: both tables cover the same nodes. */
    boolean sameNodes(FullSunSums other) {
        return firstLatitudeNode == other.firstLatitudeNode && firstTabulated.length == other.firstTabulated.length
                && firstElevationNode == other.firstElevationNode && elevationNodes == other.elevationNodes
                && groupCount == other.groupCount;
    }

    /**
     * Points the reads at a {@link #place placed} cell, whose own first group with h0 ≥ 0.1 rad is {@code cellFirstHighSun};
     * returns the first group the reads can start at (every later one can too): the first with the sun above the horizontal
     * at both neighbouring latitude nodes, from which the nodes and the cell take Muneer's high-sun and low-sun forms in the
     * same groups.
     */
    int locate(int[] nodes, double[] weights, int cell, int cellFirstHighSun) {
        cellBase = nodes[2 * cell];
        int j = nodes[2 * cell + 1];
        cellWeights = weights;
        cellWeightsAt = NODES * cell;
        int daylight = Math.max(firstTabulated[j], firstTabulated[j + 1]);
        int high = firstHighSun[j];
        return high == firstHighSun[j + 1] && high == cellFirstHighSun ? daylight
                : Math.max(daylight, Math.max(Math.max(high, firstHighSun[j + 1]), cellFirstHighSun));
    }

    /**
     * The located cell's Σ (B_h + D_h) over both samples of the groups from {@code from} (at least {@link #locate}'s) to the
     * last (W m⁻² x samples).
     */
    double flat(int from) {
        return bothHalves(from, 0);
    }

    /** The located cell's Σ D_h over both samples of the groups from {@code from} (as {@link #flat}). */
    double diffuse(int from) {
        return bothHalves(from, 6);
    }

    private double bothHalves(int from, int slot) {
        if (pairs == groupCount) {
            // every group a pair: the second samples' sums are the first samples' (the row after the last holds zeros)
            int i = index(from) + slot;
            double sum = 0;
            for (int node = 0; node < NODES; node++) {
                sum += cellWeights[cellWeightsAt + node] * sums[i + nodeOffset[node]];
            }
            return 2 * sum;
        }
        int i1 = index(from) + slot;
        int i2 = index(Math.min(from, pairs)) + slot;
        int i3 = index(pairs) + slot;
        double[] w = cellWeights;
        int wAt = cellWeightsAt;
        double sum = 0;
        for (int node = 0; node < NODES; node++) {
            int o = nodeOffset[node];
            sum += w[wAt + node] * (sums[i1 + o] + sums[i2 + o] - sums[i3 + o]);
        }
        return sum;
    }

    /**
     * For the located cell, Σ over its first ({@code second} false) or second samples from group {@code from} to the last of
     * {@code reflected}·F + {@code skyView}·D_h(1 − Kb) + {@code brightening}·D_h·N·(1 − Kb) + {@code slopeNorth}·P·cos h0·cos A
     * + {@code cosSlope}·U·sin h0 ± {@code slopeEast}·P·cos h0·sin A + {@code diffuse}·D_h (the class comment's terms; the
     * sign + for first samples): a sunlit sample's irradiation on the cell's surface with the coefficients of its constants,
     * and the last term to take a shadowed one's off.
     */
    double sunlit(int from, boolean second, double reflected, double skyView, double brightening, double slopeNorth,
                  double cosSlope, double slopeEast, double diffuse) {
        double[] w = cellWeights;
        int wAt = cellWeightsAt;
        double[] t = sums;
        double sum = 0;
        if (!second || pairs == groupCount) {
            // the second samples' sums, when every group is a pair, are the first samples' with the eastward term turned
            double east = second ? -slopeEast : slopeEast;
            int f = index(from);
            for (int node = 0; node < NODES; node++) {
                int a = f + nodeOffset[node];
                sum += w[wAt + node] * (t[a] * reflected + t[a + 1] * skyView + t[a + 2] * brightening + t[a + 3] * slopeNorth
                        + t[a + 4] * cosSlope + t[a + 5] * east + t[a + 6] * diffuse);
            }
            return sum;
        }
        int f = index(Math.min(from, pairs));
        int e = index(pairs);
        for (int node = 0; node < NODES; node++) {
            int a = f + nodeOffset[node];
            int b = e + nodeOffset[node];
            sum += w[wAt + node] * ((t[a] - t[b]) * reflected + (t[a + 1] - t[b + 1]) * skyView + (t[a + 2] - t[b + 2]) * brightening
                    + (t[a + 3] - t[b + 3]) * slopeNorth + (t[a + 4] - t[b + 4]) * cosSlope - (t[a + 5] - t[b + 5]) * slopeEast
                    + (t[a + 6] - t[b + 6]) * diffuse);
        }
        return sum;
    }

    private int index(int from) {
        return cellBase + from * groupStride;
    }
}
