package org.eemt.geo.hydrology;

/**
 * Local slope by second-order central differences: Zevenbergen &amp; Thorne (1987), "Quantitative
 * analysis of land surface topography", Earth Surface Processes and Landforms 12:47-56,
 * {@code p = (e_E − e_W) / 2dx}, {@code q = (e_N − e_S) / 2dy}, slope = atan √(p² + q²). Where a
 * neighbour is NoData (or outside the DEM) the difference is one-sided, with the cell itself; with
 * both neighbours of an axis missing that component is 0. The slope the SAGA Wetness Index uses
 * for its suction factor and its catchment slope ({@link SagaWetnessIndex}).
 */
final class LocalSlope {
    private LocalSlope() {
    }

    /** Slope (radians) of padded cell {@code i} of a {@code pw}-wide array, row {@code y}; NaN at NoData. */
    static double of(float[] filled, int pw, int i, double dx, double dy) {
        double e0 = filled[i];
        if (Double.isNaN(e0)) {
            return Double.NaN;
        }
        double p = difference(filled[i + 1], e0, filled[i - 1], dx);
        double q = difference(filled[i - pw], e0, filled[i + pw], dy);
        return Math.atan(Math.hypot(p, q));
    }

    private static double difference(double ahead, double centre, double behind, double d) {
        boolean a = !Double.isNaN(ahead);
        boolean b = !Double.isNaN(behind);
        if (a && b) {
            return (ahead - behind) / (2 * d);
        }
        if (a) {
            return (ahead - centre) / d;
        }
        return b ? (centre - behind) / d : 0;
    }
}
