package org.eemt.geo.solar.fast;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The sample times t = (k + ½)·step (solar time, h; k = 0 … n − 1 with n = ⌈24/step − ½⌉) of a day
 * (SCIENCE.md §2, "Daily integration"), grouped for the per-cell loop by their hour angle T = (t − 12)·π/12.
 *
 * <p>The sun's altitude (sin h0 = sinφ·sinδ + cosφ·cosδ·cos T) and the northward component of its
 * direction depend on T through cos T only, and its eastward component −cosδ·sin T changes sign with T.
 * When the grid is symmetric about noon (n·step = 24, e.g. the default 0.25 h) the samples t and
 * 24 − t form a pair with one cos T and opposite sin T, so the terms that depend on the altitude (air
 * mass, τ, diffuse) are computed once per pair; an odd middle sample (t = 12) or an asymmetric grid
 * gives groups of one. Groups are ordered by increasing cos T, so for any latitude and declination
 * the sun's altitude increases with the group index and the groups with the sun above the horizontal
 * are a suffix. The pairs come first ({@link #pairs()}): a middle sample has cos T = 1, the largest.
 *
 * <p>A group's <em>first</em> sample is the one before noon when the grid is symmetric (sin T ≤ 0: the sun east of
 * the meridian, or on it for the middle sample), its <em>second</em> the one after (sin T &gt; 0, west).
 */
final class SampleGroups {
    private final double[] cosHourAngle;
    /** sin T of the group's first sample; a pair's second sample has −sin T. */
    private final double[] sinHourAngle;
    private final boolean[] paired;
    private final int pairs;

    private SampleGroups(double[] cosHourAngle, double[] sinHourAngle, boolean[] paired) {
        this.cosHourAngle = cosHourAngle;
        this.sinHourAngle = sinHourAngle;
        this.paired = paired;
        int count = 0;
        while (count < paired.length && paired[count]) {
            count++;
        }
        for (int g = count; g < paired.length; g++) {
            if (paired[g]) {
                throw new IllegalStateException("a pair after the middle sample");
            }
        }
        pairs = count;
    }

    static SampleGroups of(double stepHours) {
        int samples = (int) Math.ceil(24 / stepHours - 0.5);
        boolean symmetric = Math.abs(samples * stepHours - 24) <= 1e-9 * 24;
        int groups = symmetric ? (samples + 1) / 2 : samples;
        Integer[] order = new Integer[groups];
        double[] cos = new double[groups];
        double[] sin = new double[groups];
        for (int g = 0; g < groups; g++) {
            double hourAngle = ((g + 0.5) * stepHours - 12) * Math.PI / 12;
            cos[g] = Math.cos(hourAngle);
            sin[g] = Math.sin(hourAngle);
            order[g] = g;
        }
        Arrays.sort(order, Comparator.comparingDouble(g -> cos[g]));
        double[] sortedCos = new double[groups];
        double[] sortedSin = new double[groups];
        boolean[] sortedPaired = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            int k = order[g];
            sortedCos[g] = cos[k];
            sortedSin[g] = sin[k];
            // with n odd the middle sample (k = (n − 1)/2, t = 12) is its own mirror
            sortedPaired[g] = symmetric && 2 * k + 1 != samples;
        }
        return new SampleGroups(sortedCos, sortedSin, sortedPaired);
    }

    int size() {
        return cosHourAngle.length;
    }

    double cosHourAngle(int group) {
        return cosHourAngle[group];
    }

    double sinHourAngle(int group) {
        return sinHourAngle[group];
    }

    boolean paired(int group) {
        return paired[group];
    }

    /** The number of paired groups: the groups 0 … pairs − 1 are pairs, the others (at most the middle sample when the grid is symmetric, all when not) single samples. */
    int pairs() {
        return pairs;
    }

    /**
     * The first group with the sun above the horizontal, a + b·cos T &gt; 0 (a = sinφ·sinδ, b = cosφ·cosδ ≥ 0),
     * or {@link #size()} when there is none; every later group has it too.
     */
    int firstAboveHorizon(double a, double b) {
        return firstReaching(a, b, Double.MIN_VALUE);
    }

    /**
     * {@link #firstAboveHorizon} found by stepping from {@code guess} (0 … {@link #size()}), for a latitude next to the one
     * that gave {@code guess}: the same answer in a step or two instead of a binary search.
     */
    int firstAboveHorizon(double a, double b, int guess) {
        return firstReaching(a, b, Double.MIN_VALUE, guess);
    }

    /** {@link #firstReaching(double, double, double)} found by stepping from {@code guess}, as {@link #firstAboveHorizon(double, double, int)}. */
    int firstReaching(double a, double b, double sinAltitude, int guess) {
        int g = guess;
        while (g > 0 && a + b * cosHourAngle[g - 1] >= sinAltitude) {
            g--;
        }
        while (g < cosHourAngle.length && !(a + b * cosHourAngle[g] >= sinAltitude)) {
            g++;
        }
        return g;
    }

    /** The first group with sin h0 = a + b·cos T ≥ {@code sinAltitude}, or {@link #size()} when there is none; every later group has it too. */
    int firstReaching(double a, double b, double sinAltitude) {
        int low = 0;
        int high = cosHourAngle.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (a + b * cosHourAngle[mid] >= sinAltitude) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
