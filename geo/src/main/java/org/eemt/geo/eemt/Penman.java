package org.eemt.geo.eemt;

import org.eemt.geo.calendar.Calendar365;

/**
 * Monthly evaporation by the Penman equation (SCIENCE.md §4, EEMT_TOPO: open water, no surface
 * resistance) and its Penman–Monteith form with a surface resistance r_s (EEMT_TOPO-VEG):
 * <pre>
 * E = [Δ·R + ρ_a·c_p·(e_s − e_a)·t_m / r_a] / [λ·(Δ + γ·(1 + r_s/r_a))]   kg m⁻² = mm
 * </pre>
 * R (J m⁻² month⁻¹) = S_topo (Wh m⁻² month⁻¹)·3600, t_m the seconds of the month,
 * λ = 2.45·10⁶ J kg⁻¹, c_p = 1013 J kg⁻¹ K⁻¹, Δ, γ, ρ_a from {@link Atmosphere} at the mean
 * temperature T and the cell elevation, e_s = (e°(T_max) + e°(T_min))/2, and
 * r_a = 4.72·(ln(2/0.00137))²/(1 + 0.536·u) s m⁻¹ (Thom & Oliver 1977). E = 0 when T ≤ 0 °C.
 * A negative E (air more humid than saturation at the monthly means, with little radiation) is
 * taken as 0: evaporation, not condensation, is what the water balance needs.
 */
public final class Penman {
    /** Latent heat of vaporisation λ, J kg⁻¹. */
    static final double LATENT_HEAT_J_PER_KG = 2.45e6;
    /** Specific heat of air c_p, J kg⁻¹ K⁻¹. */
    static final double AIR_HEAT_CAPACITY_J_PER_KG_K = 1013;
    /** The default wind speed u at 2 m, m s⁻¹. */
    public static final double DEFAULT_WIND_METRES_PER_SECOND = 2.0;

    private Penman() {
    }

    /** Aerodynamic resistance r_a = 4.72·(ln(2/0.00137))²/(1 + 0.536·u) s m⁻¹, u in m s⁻¹ (Thom & Oliver 1977). */
    public static double aerodynamicResistanceSPerM(double windMetresPerSecond) {
        double log = Math.log(2 / 0.00137);
        return 4.72 * log * log / (1 + 0.536 * windMetresPerSecond);
    }

    /**
     * Evaporation (mm month⁻¹) of a month.
     *
     * @param tmaxCelsius               T_max of the month (°C)
     * @param tminCelsius               T_min of the month (°C)
     * @param radiationWhPerM2          S_topo of the month (Wh m⁻² month⁻¹)
     * @param actualVapourPressureKPa   e_a (kPa)
     * @param elevationMetres           cell elevation z (m)
     * @param month                     0 = January (for t_m)
     * @param aerodynamicResistance     r_a (s m⁻¹), see {@link #aerodynamicResistanceSPerM}
     * @param surfaceResistance         r_s (s m⁻¹): 0 for open water (Penman), r_l/(0.5·LAI) for a canopy
     */
    public static double monthlyMm(double tmaxCelsius, double tminCelsius, double radiationWhPerM2,
                                   double actualVapourPressureKPa, double elevationMetres, int month,
                                   double aerodynamicResistance, double surfaceResistance) {
        double t = (tmaxCelsius + tminCelsius) / 2;
        if (!(t > 0)) {
            return 0;
        }
        double slope = Atmosphere.saturationSlopeKPaPerK(t);
        double pressure = Atmosphere.pressureKPa(elevationMetres);
        double gamma = Atmosphere.psychrometricConstantKPaPerK(pressure);
        double density = Atmosphere.airDensityKgPerM3(pressure, t);
        double es = (Atmosphere.saturationVapourPressureKPa(tmaxCelsius) + Atmosphere.saturationVapourPressureKPa(tminCelsius)) / 2;
        double radiation = radiationWhPerM2 * 3600;
        double numerator = slope * radiation
                + density * AIR_HEAT_CAPACITY_J_PER_KG_K * (es - actualVapourPressureKPa) * Calendar365.secondsInMonth(month) / aerodynamicResistance;
        double denominator = LATENT_HEAT_J_PER_KG * (slope + gamma * (1 + surfaceResistance / aerodynamicResistance));
        return Math.max(0, numerator / denominator);
    }
}
