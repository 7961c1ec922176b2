package org.eemt.geo.solar.fast;

/**
 * Inverse trigonometry for the per-sample loop, where {@link Math#atan2} and {@link Math#asin}
 * (not JIT intrinsics) cost more than the whole radiation model. Accurate to a few 1e-9 rad;
 * deterministic (pure double arithmetic), so results stay tile-invariant.
 */
final class FastAngles {
    private static final double SQRT3 = Math.sqrt(3);
    private static final double TAN_PI_12 = 2 - SQRT3;

    private FastAngles() {
    }

    /** Compass azimuth in [0, 2π) of the horizontal direction with these east and north components. */
    static double azimuth(double east, double north) {
        double ae = Math.abs(east);
        double an = Math.abs(north);
        if (ae == 0 && an == 0) {
            return 0;
        }
        // angle from north toward east in the first quadrant, then unfolded
        double a = ae <= an ? atanUnit(ae / an) : Math.PI / 2 - atanUnit(an / ae);
        if (north < 0) {
            a = Math.PI - a;
        }
        return east < 0 ? 2 * Math.PI - a : a;
    }

    /** asin(s) for 0 ≤ s ≤ 0.1 by its series (truncation error below 1e-10). */
    static double asinSmall(double s) {
        double s2 = s * s;
        return s * (1 + s2 * (1.0 / 6 + s2 * (3.0 / 40 + s2 * (15.0 / 336 + s2 * (105.0 / 3456)))));
    }

    /** atan(x) for 0 ≤ x ≤ 1: reduced to |y| ≤ tan(π/12) by atan(x) = π/6 + atan((x√3 − 1)/(x + √3)), then its series. */
    private static double atanUnit(double x) {
        double offset = 0;
        if (x > TAN_PI_12) {
            x = (x * SQRT3 - 1) / (x + SQRT3);
            offset = Math.PI / 6;
        }
        double x2 = x * x;
        double series = x * (1 + x2 * (-1.0 / 3 + x2 * (1.0 / 5 + x2 * (-1.0 / 7 + x2 * (1.0 / 9 + x2 * (-1.0 / 11 + x2 * (1.0 / 13)))))));
        return offset + series;
    }
}
