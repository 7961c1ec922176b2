package org.eemt.geo.solar.model;

/**
 * Ground-reflected irradiance on an inclined surface (SCIENCE.md Eq. 2.26; Šúri &amp; Hofierka 2004):
 * R_i = ρ·(B_h + D_h)·(1 − cosβ)/2, with B_h = 0 when the surface is shadowed or faces away from the sun.
 */
public final class ReflectedIrradiance {
    private ReflectedIrradiance() {
    }

    /** ρ·(1 − cosβ)/2, the part of the global horizontal irradiance a surface of slope β receives reflected. */
    public static double fraction(double albedo, double cosSlope) {
        return albedo * (1 - cosSlope) / 2;
    }
}
