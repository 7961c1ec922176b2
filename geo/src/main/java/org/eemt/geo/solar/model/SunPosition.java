package org.eemt.geo.solar.model;

/**
 * Where the sun stands at one solar time, seen from one latitude (SCIENCE.md Eq. 2.3–2.5; Šúri &amp;
 * Hofierka 2004): the hour angle T = (t − 12)·π/12, the sine of the true altitude
 * sin h0 = sinφ·sinδ + cosφ·cosδ·cos T, and the horizontal components of the unit vector toward the
 * sun, northward cos h0·cos A = cosφ·sinδ − sinφ·cosδ·cos T and eastward cos h0·sin A = −cosδ·sin T
 * (A: compass azimuth, clockwise from north).
 */
public record SunPosition(double sinAltitude, double northward, double eastward) {

    /**
     * @param latitudeRadians    φ of the cell centre
     * @param declinationRadians δ of the day ({@link SolarDay})
     * @param solarTimeHours     t, local solar time (h)
     */
    public static SunPosition at(double latitudeRadians, double declinationRadians, double solarTimeHours) {
        double hourAngle = (solarTimeHours - 12) * Math.PI / 12;
        double sinPhi = Math.sin(latitudeRadians);
        double cosPhi = Math.cos(latitudeRadians);
        double sinDelta = Math.sin(declinationRadians);
        double cosDelta = Math.cos(declinationRadians);
        return new SunPosition(sinPhi * sinDelta + cosPhi * cosDelta * Math.cos(hourAngle),
                cosPhi * sinDelta - sinPhi * cosDelta * Math.cos(hourAngle),
                -cosDelta * Math.sin(hourAngle));
    }

    /**
     * This direction in grid terms (SCIENCE.md Eq. 2.30): its azimuth turned from true north to grid north, A − γ, for a
     * grid convergence γ (radians, clockwise from true north to grid north); itself when γ = 0.
     */
    public SunPosition inGrid(double convergenceRadians) {
        if (convergenceRadians == 0) {
            return this;
        }
        double cos = Math.cos(convergenceRadians);
        double sin = Math.sin(convergenceRadians);
        return new SunPosition(sinAltitude, northward * cos + eastward * sin, eastward * cos - northward * sin);
    }

    /** The compass azimuth A in [0, 2π) (radians, clockwise from north): atan2(eastward, northward). */
    public double azimuth() {
        double a = Math.atan2(eastward, northward);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /** cos h0, the length of the horizontal component. */
    public double cosAltitude() {
        return Math.sqrt(northward * northward + eastward * eastward);
    }
}
