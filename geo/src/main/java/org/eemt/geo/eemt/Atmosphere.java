package org.eemt.geo.eemt;

/**
 * Psychrometric quantities of SCIENCE.md §4 (FAO-56, Allen et al. 1998): saturation vapour
 * pressure and its slope, air pressure from elevation, the psychrometric constant, air density.
 */
public final class Atmosphere {
    private Atmosphere() {
    }

    /** e°(T) = 0.6108·exp(17.27·T/(T + 237.3)) kPa, T in °C. */
    public static double saturationVapourPressureKPa(double celsius) {
        return 0.6108 * Math.exp(17.27 * celsius / (celsius + 237.3));
    }

    /** Δ = 4098·e°(T)/(T + 237.3)² kPa K⁻¹, T in °C. */
    public static double saturationSlopeKPaPerK(double celsius) {
        double t = celsius + 237.3;
        return 4098 * saturationVapourPressureKPa(celsius) / (t * t);
    }

    /** P = 101.3·((293 − 0.0065·z)/293)^5.26 kPa, z in m (FAO-56 Eq. 7). */
    public static double pressureKPa(double elevationMetres) {
        return 101.3 * Math.pow((293 - 0.0065 * elevationMetres) / 293, 5.26);
    }

    /** γ = 0.000665·P kPa K⁻¹ (FAO-56 Eq. 8). */
    public static double psychrometricConstantKPaPerK(double pressureKPa) {
        return 0.000665 * pressureKPa;
    }

    /** ρ_a = 1000·P/(287.05·1.01·(T + 273.15)) kg m⁻³, P in kPa, T in °C. */
    public static double airDensityKgPerM3(double pressureKPa, double celsius) {
        return 1000 * pressureKPa / (287.05 * 1.01 * (celsius + 273.15));
    }
}
