package org.eemt.geo.solar.fast;

import java.util.Arrays;
import org.eemt.geo.solar.model.SolarDay;

/**
 * For one day and one tile, per sample: the few horizon azimuths that any cell's test of that sample interpolates
 * between, and the hiding angles of the lowest and the highest sun any cell sees then, so that {@link HorizonShadow#verdict}
 * decides most tests from two to four of a cell's horizon angles, without the sun's direction at the cell (docs/performance.md).
 *
 * <p>A sample (group g, first or second of its pair: {@link SampleGroups}) has the eastward component ∓cosδ·sin T at
 * every latitude, and a northward component cosφ·sinδ − sinφ·cosδ·cos T that falls as φ rises while the sun is up, so over
 * the tile's latitudes [φ_min, φ_max] its compass azimuth A lies between its values at the two ends, and its grid
 * azimuth A − γ (SCIENCE.md Eq. 2.30) within that arc widened by the tile's range of grid convergence γ and by
 * {@value #AZIMUTH_MARGIN} rad for {@link FastAngles}' rounding. A cell's interpolated horizon angle lies between the
 * smallest and the largest angle of the nodes that arc's interpolations use. sin h0 = sinφ·sinδ + cosφ·cosδ·cos T is
 * monotonic in φ unless the northward component changes sign in the range, where its maximum over φ is
 * √(sin²δ + cos²δ·cos²T). The cell is hidden when Math.sin of its angle exceeds its sin h0
 * ({@link SunDirection#isHiddenBy}), that is when the angle reaches the smallest angle whose sine exceeds sin h0
 * ({@link SunDirection#smallestAngleWithSineAbove}, non-decreasing in sin h0): an angle below that of the tile's lowest
 * sun never hides, one at or above that of its highest always does. Samples with the sun at or below the horizontal
 * at either end of the latitude range, or whose arc spans more than {@value #MAX_NODES} nodes, have no window.
 * The {@link #union} of several days' windows decides what holds on all of them (a pass of {@link SolarTileModel#days}).
 */
final class HorizonWindows {
    /** At most as many nodes read per window. */
    static final int MAX_NODES = 4;
    /** Radians added on each side of the arc: FastAngles' error (a few 1e-9) and the rounding of the turned direction. */
    static final double AZIMUTH_MARGIN = 1e-7;
    /** Added on each side of the range of sin h0: the rounding of a cell's sinφ·sinδ + cosφ·cosδ·cos T. */
    private static final double SINE_MARGIN = 1e-12;

    /** At most as many nodes read per window of a {@link #union}. */
    static final int MAX_UNION_NODES = 6;

    /** Per sample {@code 2·group + (0 first, 1 second)}: the first node (0 … azimuths − 1), −1 without a window. */
    final int[] firstNode;
    /** The number of nodes from {@link #firstNode} on (wrapping around the circle). */
    final int[] nodes;
    /**
     * Per sample of a day's window over two or three nodes, the interpolation weights of the arc's ends: its start between
     * the first node and the next, its end between the last node and the one before (NaN in a {@link #union}).
     */
    final double[] fromWeight;
    final double[] toWeight;
    /** Below this angle no cell's horizon hides the sun. */
    final double[] clearBelow;
    /** At or above this angle every cell's horizon hides the sun. */
    final double[] hiddenFrom;
    /** The lowest sin h0 of any cell, less the rounding margin; −∞ where the sun is not above the horizontal at every latitude. */
    final double[] lowestSinAltitude;

    private HorizonWindows(int n) {
        firstNode = new int[n];
        nodes = new int[n];
        clearBelow = new double[n];
        hiddenFrom = new double[n];
        lowestSinAltitude = new double[n];
        fromWeight = new double[n];
        toWeight = new double[n];
        Arrays.fill(firstNode, -1);
        Arrays.fill(fromWeight, Double.NaN);
        Arrays.fill(toWeight, Double.NaN);
        Arrays.fill(lowestSinAltitude, Double.NEGATIVE_INFINITY);
    }

    /**
     * The windows of several days at once: per sample, the arc holding every day's nodes, the lowest of the days' clearing
     * angles and lowest suns, the highest of their hiding angles; no window where a day has none or the arc spans more
     * than {@value #MAX_UNION_NODES} nodes. A cell's angles over the arc bound its interpolated angle on each day, so the
     * verdicts ({@link HorizonShadow#verdict}) hold on every one of the days.
     */
    static HorizonWindows union(HorizonWindows[] days, int azimuths) {
        int n = days[0].firstNode.length;
        HorizonWindows union = new HorizonWindows(n);
        samples:
        for (int k = 0; k < n; k++) {
            int origin = days[0].firstNode[k];
            double lowest = Double.POSITIVE_INFINITY;
            for (HorizonWindows day : days) {
                lowest = Math.min(lowest, day.lowestSinAltitude[k]);
            }
            union.lowestSinAltitude[k] = lowest;
            if (origin < 0) {
                continue;
            }
            int from = 0;
            int to = days[0].nodes[k] - 1;
            double clear = Double.POSITIVE_INFINITY;
            double hidden = Double.NEGATIVE_INFINITY;
            for (HorizonWindows day : days) {
                if (day.firstNode[k] < 0) {
                    continue samples;
                }
                // the day's first node relative to the first day's, in (−azimuths/2, azimuths/2]
                int shift = Math.floorMod(day.firstNode[k] - origin + azimuths / 2, azimuths) - azimuths / 2;
                from = Math.min(from, shift);
                to = Math.max(to, shift + day.nodes[k] - 1);
                clear = Math.min(clear, day.clearBelow[k]);
                hidden = Math.max(hidden, day.hiddenFrom[k]);
            }
            if (to - from + 1 > MAX_UNION_NODES) {
                continue;
            }
            union.firstNode[k] = Math.floorMod(origin + from, azimuths);
            union.nodes[k] = to - from + 1;
            union.clearBelow[k] = clear;
            union.hiddenFrom[k] = hidden;
        }
        return union;
    }

    /**
     * The windows of a day for cells with latitudes in [{@code minLatitude}, {@code maxLatitude}] and grid convergences in
     * [{@code minConvergence}, {@code maxConvergence}] (radians), horizons at {@code azimuths} equally spaced azimuths.
     */
    HorizonWindows(SampleGroups groups, SolarDay day, int azimuths, double minLatitude, double maxLatitude,
                   double minConvergence, double maxConvergence) {
        this(2 * groups.size());
        double sinDeclination = Math.sin(day.declinationRadians());
        double cosDeclination = Math.cos(day.declinationRadians());
        double azimuthsPerRadian = azimuths / (2 * Math.PI);
        for (int g = 0; g < groups.size(); g++) {
            double cosT = groups.cosHourAngle(g);
            double s1 = Math.sin(minLatitude) * sinDeclination + Math.cos(minLatitude) * cosDeclination * cosT;
            double s2 = Math.sin(maxLatitude) * sinDeclination + Math.cos(maxLatitude) * cosDeclination * cosT;
            if (!(Math.min(s1, s2) > 0)) {
                continue;
            }
            double north1 = Math.cos(minLatitude) * sinDeclination - Math.sin(minLatitude) * cosDeclination * cosT;
            double north2 = Math.cos(maxLatitude) * sinDeclination - Math.sin(maxLatitude) * cosDeclination * cosT;
            double lowest = Math.min(s1, s2);
            double highest = Math.max(s1, s2);
            if (!(north1 > 0 && north2 > 0 || north1 < 0 && north2 < 0)) {
                highest = Math.max(highest, Math.hypot(sinDeclination, cosDeclination * cosT));
            }
            lowestSinAltitude[2 * g] = lowest - SINE_MARGIN;
            if (groups.paired(g)) {
                lowestSinAltitude[2 * g + 1] = lowest - SINE_MARGIN;
            }
            double clear = SunDirection.smallestAngleWithSineAbove(lowest - SINE_MARGIN);
            double hidden = SunDirection.smallestAngleWithSineAbove(highest + SINE_MARGIN);
            for (int half = 0; half < (groups.paired(g) ? 2 : 1); half++) {
                double east = (half == 0 ? -1 : 1) * cosDeclination * groups.sinHourAngle(g);
                double a1 = Math.atan2(east, north1);
                double a2 = Math.atan2(east, north2);
                double from = (Math.min(a1, a2) - maxConvergence - AZIMUTH_MARGIN) * azimuthsPerRadian;
                double to = (Math.max(a1, a2) - minConvergence + AZIMUTH_MARGIN) * azimuthsPerRadian;
                int first = (int) Math.floor(from);
                int count = (int) Math.floor(to) + 2 - first;
                if (count > MAX_NODES) {
                    continue;
                }
                int k = 2 * g + half;
                firstNode[k] = Math.floorMod(first, azimuths);
                nodes[k] = count;
                fromWeight[k] = from - first;
                toWeight[k] = to - (first + count - 2);
                clearBelow[k] = clear;
                hiddenFrom[k] = hidden;
            }
        }
    }
}
