package org.eemt.geo.solar.fast;

/**
 * The direction toward the sun at one sample time, seen from one latitude (SCIENCE.md §2): the unit
 * vector's eastward component cos h0·sin A, its northward component cos h0·cos A and sin h0 (A: compass
 * azimuth, h0: true altitude), and what the shadow tests derive from it: the compass sector, the azimuth,
 * whether a horizon angle hides the sun.
 *
 * <p>Two kinds: {@link Resolved} computes all of it when set, for a direction that many cells share (a row
 * of a geographic DEM), so that the tests are pure arithmetic the JIT compiles without branches;
 * {@link OnDemand} computes each part on first use, for a direction one cell uses (every cell of a
 * projected DEM has its own latitude), where most tests end before the azimuth is needed.
 */
abstract sealed class SunDirection permits SunDirection.Resolved, SunDirection.OnDemand {
    /** Compass sectors of {@link #sector()} (π/8 each). */
    static final int SECTORS = 16;
    private static final double TAN_PI_8 = Math.sqrt(2) - 1;

    double east;
    double north;
    double sinAltitude;

    /** A direction computed on demand, with sin h0 &gt; 0. */
    static SunDirection of(double east, double north, double sinAltitude) {
        OnDemand sun = new OnDemand();
        sun.set(east, north, sinAltitude);
        return sun;
    }

    /** Points this direction elsewhere (for another latitude or sample time). */
    final void set(double east, double north, double sinAltitude) {
        this.east = east;
        this.north = north;
        this.sinAltitude = sinAltitude;
        derive();
    }

    /** Computes, or forgets, what {@link #set} left to derive from the new direction. */
    abstract void derive();

    final double east() {
        return east;
    }

    final double north() {
        return north;
    }

    final double sinAltitude() {
        return sinAltitude;
    }

    /** cos h0, the length of the horizontal component. */
    final double cosAltitude() {
        return Math.sqrt(east * east + north * north);
    }

    /** The compass azimuth A in [0, 2π) ({@link FastAngles#azimuth}). */
    abstract double azimuth();

    /**
     * The compass sector 0..{@value #SECTORS}−1 containing the azimuth, by signs and comparisons: the quadrant,
     * then the angle φ ∈ [0, π/2) from the quadrant's first axis against π/8, π/4 and 3π/8. At a sector's edge it
     * may name the neighbour.
     */
    abstract int sector();

    /** Whether a horizon at {@code angle} (radians, in [0, π/2]) hides the sun: {@code Math.sin(angle) > sin h0}. */
    abstract boolean isHiddenBy(double angle);

    final int sectorByComparisons() {
        // the quadrant's first axis x and second axis y: north-east, east-south, south-west, west-north
        int quadrant;
        double x;
        double y;
        if (east >= 0) {
            quadrant = north >= 0 ? 0 : 1;
            x = north >= 0 ? north : east;
            y = north >= 0 ? east : -north;
        } else {
            quadrant = north < 0 ? 2 : 3;
            x = north < 0 ? -north : -east;
            y = north < 0 ? -east : north;
        }
        int inQuadrant = y < x ? (y < x * TAN_PI_8 ? 0 : 1) : (x > y * TAN_PI_8 ? 2 : 3);
        return 4 * quadrant + inQuadrant;
    }

    /** The smallest x in [0, π/2] with {@code Math.sin(x) > s}, +∞ when there is none. */
    static double smallestAngleWithSineAbove(double s) {
        if (!(s < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double x = Math.max(0, Math.asin(s));
        while (x > 0 && Math.sin(Math.nextDown(x)) > s) {
            x = Math.nextDown(x);
        }
        while (x <= Math.PI / 2 && !(Math.sin(x) > s)) {
            x = Math.nextUp(x);
        }
        return x <= Math.PI / 2 ? x : Double.POSITIVE_INFINITY;
    }

    /** Everything computed when set; a horizon angle is compared with the smallest angle whose sine exceeds sin h0. */
    static final class Resolved extends SunDirection {
        private int sector;
        private double azimuth;
        private double hidingAngle;

        @Override
        void derive() {
            sector = sectorByComparisons();
            azimuth = FastAngles.azimuth(east, north);
            hidingAngle = smallestAngleWithSineAbove(sinAltitude);
        }

        @Override
        double azimuth() {
            return azimuth;
        }

        @Override
        int sector() {
            return sector;
        }

        /** The same answer as {@code Math.sin(angle) > sin h0}: {@link Math#sin} is semi-monotonic. */
        @Override
        boolean isHiddenBy(double angle) {
            return angle >= hidingAngle;
        }
    }

    /** Sector and azimuth computed on first use and kept. */
    static final class OnDemand extends SunDirection {
        private static final double BOUND_MARGIN = 1e-15;
        private int sector;
        private double azimuth;

        @Override
        void derive() {
            sector = -1;
            azimuth = Double.NaN;
        }

        @Override
        double azimuth() {
            if (Double.isNaN(azimuth)) {
                azimuth = FastAngles.azimuth(east, north);
            }
            return azimuth;
        }

        @Override
        int sector() {
            if (sector < 0) {
                sector = sectorByComparisons();
            }
            return sector;
        }

        /**
         * {@code Math.sin(angle) > sin h0}, mostly without {@link Math#sin}: x − x³/6 ≤ sin x ≤ x − x³/6 + x⁵/120 on
         * [0, π/2] decide it unless sin h0 lies within {@value #BOUND_MARGIN} of that band (which covers the bounds'
         * rounding and Math.sin's error of at most one ulp, below 2.3e-16 here).
         */
        @Override
        boolean isHiddenBy(double angle) {
            double a2 = angle * angle;
            double lower = angle - angle * a2 * (1.0 / 6);
            if (lower > sinAltitude + BOUND_MARGIN) {
                return true;
            }
            if (lower + angle * a2 * a2 * (1.0 / 120) < sinAltitude - BOUND_MARGIN) {
                return false;
            }
            return Math.sin(angle) > sinAltitude;
        }
    }
}
