package org.eemt.geo.solar.model;

/**
 * The angle of incidence θ of the beam on a cell's surface (SCIENCE.md Eq. 2.11; Šúri &amp; Hofierka
 * 2004): cos θ = sinβ·cos h0·cos(A − a) + cosβ·sin h0, written with the sun's horizontal components
 * ({@link SunPosition}) as cos θ = sinβ·(cos a·northward + sin a·eastward) + cosβ·sin h0, for a slope
 * β (radians from the horizontal) and an aspect a (compass bearing of the downslope direction,
 * radians). A horizontal surface has cos θ = sin h0.
 */
public record SlopeIncidence(double slopeRadians, double sinSlope, double cosSlope, double sinAspect, double cosAspect) {

    /** An inclined surface. */
    public static SlopeIncidence of(double slopeRadians, double aspectRadians) {
        return new SlopeIncidence(slopeRadians, Math.sin(slopeRadians), Math.cos(slopeRadians), Math.sin(aspectRadians),
                Math.cos(aspectRadians));
    }

    /** A horizontal surface (β = 0). */
    public static SlopeIncidence horizontal() {
        return new SlopeIncidence(0, 0, 1, 0, 1);
    }

    /** sinβ·cos h0·cos(A − a): the part of cos θ that depends on the sun's azimuth. */
    public double facing(SunPosition sun) {
        return sinSlope * (cosAspect * sun.northward() + sinAspect * sun.eastward());
    }

    /** cos θ. */
    public double cosIncidence(SunPosition sun) {
        return facing(sun) + cosSlope * sun.sinAltitude();
    }
}
