package org.eemt.job.outputs;

import java.io.Serializable;

/**
 * Count, mean, standard deviation, minimum and maximum of the valid (not NaN) cells of a raster
 * or a part of it. Parts merge exactly (Chan et al.'s pairwise update of the sum of squared
 * deviations), so per-tile statistics combine into those of the whole product in any order.
 */
public record CellStatistics(long count, double mean, double sumSquaredDeviations, double min, double max)
        implements Serializable {

    public static final CellStatistics EMPTY = new CellStatistics(0, Double.NaN, 0, Double.NaN, Double.NaN);

    /** The statistics of the valid cells of {@code cells}. */
    public static CellStatistics of(float[] cells) {
        Accumulator a = new Accumulator();
        for (float v : cells) {
            if (!Float.isNaN(v)) {
                a.add(v);
            }
        }
        return a.statistics();
    }

    /** The statistics of this part and {@code other} together. */
    public CellStatistics merge(CellStatistics other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        double mergedMean = mean + delta * other.count / n;
        double m2 = sumSquaredDeviations + other.sumSquaredDeviations + delta * delta * count * other.count / n;
        return new CellStatistics(n, mergedMean, m2, Math.min(min, other.min), Math.max(max, other.max));
    }

    /** Population standard deviation (NaN without cells). */
    public double sd() {
        return count == 0 ? Double.NaN : Math.sqrt(sumSquaredDeviations / count);
    }

    /** Statistics gathered one value at a time (Welford's update of the mean and of the sum of squared deviations). */
    public static final class Accumulator {
        private long n;
        private double mean;
        private double m2;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        /** Adds one valid value. */
        public void add(double v) {
            n++;
            double delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        /** The statistics of the values added so far. */
        public CellStatistics statistics() {
            return n == 0 ? EMPTY : new CellStatistics(n, mean, m2, min, max);
        }
    }
}
