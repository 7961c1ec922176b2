package org.eemt.geo.solar;

/**
 * The direction toward the sun at one sample time, seen from one latitude (SCIENCE.md §2): the unit
 * vector's eastward component cos h0·sin A, its northward component cos h0·cos A and sin h0 (A: compass
 * azimuth, h0: true altitude). Its compass sector and azimuth, which the shadow tests need, are computed
 * on first use and kept, so that cells sharing the latitude (a row of a geographic DEM) share them.
 */
final class SunDirection {
    /** Compass sectors of {@link #sector()} (π/8 each). */
    static final int SECTORS = 16;
    private static final double TAN_PI_8 = Math.sqrt(2) - 1;

    private double east;
    private double north;
    private double sinAltitude;
    private int sector;
    private double azimuth;

    SunDirection() {
        set(0, 0, 1);
    }

    SunDirection(double east, double north, double sinAltitude) {
        set(east, north, sinAltitude);
    }

    /** Points this direction elsewhere (for another latitude or sample time). */
    void set(double east, double north, double sinAltitude) {
        this.east = east;
        this.north = north;
        this.sinAltitude = sinAltitude;
        this.sector = -1;
        this.azimuth = Double.NaN;
    }

    double east() {
        return east;
    }

    double north() {
        return north;
    }

    double sinAltitude() {
        return sinAltitude;
    }

    /** cos h0, the length of the horizontal component. */
    double cosAltitude() {
        return Math.sqrt(east * east + north * north);
    }

    /** The compass azimuth A in [0, 2π) ({@link FastAngles#azimuth}). */
    double azimuth() {
        if (Double.isNaN(azimuth)) {
            azimuth = FastAngles.azimuth(east, north);
        }
        return azimuth;
    }

    /**
     * The compass sector 0..{@value #SECTORS}−1 containing the azimuth, by signs and comparisons: the quadrant,
     * then the angle φ ∈ [0, π/2) from the quadrant's first axis against π/8, π/4 and 3π/8. At a sector's edge it
     * may name the neighbour.
     */
    int sector() {
        if (sector < 0) {
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
            sector = 4 * quadrant + inQuadrant;
        }
        return sector;
    }
}
