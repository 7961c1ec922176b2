package org.eemt.geo.solar.model;

/**
 * Diffuse irradiance on an inclined surface, D_i = D_h·F (SCIENCE.md Eq. 2.18–2.25; Muneer 1990,
 * Lighting Res. Technol. 22:173, and Muneer 1997, Solar Radiation and Daylight Models, as used by
 * Šúri &amp; Hofierka 2004): with Kb = τ, the sky view r_sky = (1 + cosβ)/2, the horizon brightening
 * f_g = sinβ − β·cosβ − π·sin²(β/2) and N = 0.00263 − 0.712·Kb − 0.6883·Kb²,
 * <ul>
 *   <li>shadowed, or cos θ ≤ 0: F = r_sky + 0.252271·f_g;</li>
 *   <li>sunlit, h0 ≥ 0.1 rad: F = (r_sky + N·f_g)(1 − Kb) + Kb·cos θ/sin h0;</li>
 *   <li>sunlit, h0 &lt; 0.1 rad: F = (r_sky + N·f_g)(1 − Kb) + Kb·sinβ·cos(A − a)/(0.1 − 0.008·h0).</li>
 * </ul>
 */
public final class MuneerDiffuse {
    /** The altitude (radians) below which a sunlit surface takes the low-sun form (Eq. 2.24). */
    public static final double LOW_SUN_RADIANS = 0.1;
    /** f_g's weight in F of a shadowed surface (Eq. 2.22). */
    public static final double SHADED_BRIGHTENING = 0.252271;

    private MuneerDiffuse() {
    }

    /** N(Kb) (Eq. 2.21). */
    public static double n(double kb) {
        return 0.00263 - 0.712 * kb - 0.6883 * kb * kb;
    }

    /** r_sky (Eq. 2.19). */
    public static double skyView(double cosSlope) {
        return (1 + cosSlope) / 2;
    }

    /** f_g (Eq. 2.20), of a slope β (radians) with its sine and cosine. */
    public static double horizonBrightening(double slopeRadians, double sinSlope, double cosSlope) {
        return sinSlope - slopeRadians * cosSlope - Math.PI * Math.pow(Math.sin(slopeRadians / 2), 2);
    }

    /** The low-sun denominator 0.1 − 0.008·h0 of Eq. 2.24. */
    public static double lowSunDenominator(double altitudeRadians) {
        return 0.1 - 0.008 * altitudeRadians;
    }

    /** F of a shadowed surface, or one facing away from the sun (Eq. 2.22). */
    public static double shadedFactor(SlopeIncidence surface) {
        return skyView(surface.cosSlope()) + SHADED_BRIGHTENING * brightening(surface);
    }

    /** F of a sunlit surface with cos θ &gt; 0 (Eq. 2.23–2.24), beam clearness index {@code kb}. */
    public static double sunlitFactor(SlopeIncidence surface, SunPosition sun, double kb) {
        double isotropic = (skyView(surface.cosSlope()) + n(kb) * brightening(surface)) * (1 - kb);
        double h0 = Math.asin(sun.sinAltitude());
        return h0 >= LOW_SUN_RADIANS ? isotropic + kb * surface.cosIncidence(sun) / sun.sinAltitude()
                : isotropic + kb * surface.facing(sun) / sun.cosAltitude() / lowSunDenominator(h0);
    }

    private static double brightening(SlopeIncidence surface) {
        return horizonBrightening(surface.slopeRadians(), surface.sinSlope(), surface.cosSlope());
    }
}
