package org.eemt.geo.solar;

import java.util.Arrays;

/**
 * Differences between a computed raster and a reference raster over the cells where both have
 * values: mean absolute relative error (MARE), its 95th percentile, the fraction of cells within a
 * relative tolerance, the mean absolute error and the mean signed relative error. Relative errors
 * are |a − r| / |r| over cells whose reference exceeds {@code floor} (to avoid dividing by zero
 * on cells that get no radiation at all). Used to compare the model with GRASS r.sun (the tests and
 * {@code eemt bench solar}).
 */
public record ErrorStatistics(int cells, double meanAbsoluteRelative, double p95Relative, double meanRelative,
                       double meanAbsolute, double[] sortedRelative) {

    public static ErrorStatistics of(float[] actual, float[] reference, double floor) {
        double[] rel = new double[actual.length];
        int n = 0;
        double sumAbs = 0;
        double sumSigned = 0;
        double sumAbsDiff = 0;
        int nAbs = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double r = reference[i];
            if (Double.isNaN(a) || Double.isNaN(r)) {
                continue;
            }
            sumAbsDiff += Math.abs(a - r);
            nAbs++;
            if (Math.abs(r) <= floor) {
                continue;
            }
            double e = (a - r) / Math.abs(r);
            rel[n++] = Math.abs(e);
            sumAbs += Math.abs(e);
            sumSigned += e;
        }
        double[] sorted = Arrays.copyOf(rel, n);
        Arrays.sort(sorted);
        double p95 = n == 0 ? Double.NaN : sorted[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)];
        return new ErrorStatistics(n, sumAbs / n, p95, sumSigned / n, nAbs == 0 ? Double.NaN : sumAbsDiff / nAbs, sorted);
    }

    /** Fraction of the compared cells whose relative error is at most {@code tolerance}. */
    public double fractionWithin(double tolerance) {
        int k = 0;
        while (k < sortedRelative.length && sortedRelative[k] <= tolerance) {
            k++;
        }
        return (double) k / sortedRelative.length;
    }

    @Override
    public String toString() {
        return String.format("%d cells: MARE %.4f %%, P95 %.4f %%, mean %+.4f %%, max %.3f %%, within 0.1 %%: %.3f %%, MAE %.4f",
                cells, 100 * meanAbsoluteRelative, 100 * p95Relative, 100 * meanRelative,
                100 * sortedRelative[sortedRelative.length - 1], 100 * fractionWithin(0.001), meanAbsolute);
    }
}
