package org.eemt.geo.eemt;

/**
 * The two terms of EEMT (Rasmussen et al. 2015 Eq. 3: EEMT = E_PPT + E_BIO), in MJ m⁻²:
 * E_PPT = F·c_w·ΔT (Eq. 4), c_w = 4185.5 J kg⁻¹ K⁻¹, F the effective precipitation in kg m⁻²
 * (1 mm = 1 kg m⁻²), ΔT = T − 0 °C when T > 0, else E_PPT = 0; E_BIO = NPP·h_BIO (Eq. 5),
 * h_BIO = 22·10⁶ J kg⁻¹.
 */
public final class EnergyTransfer {
    /** Specific heat of water c_w, J kg⁻¹ K⁻¹. */
    public static final double WATER_HEAT_CAPACITY_J_PER_KG_K = 4185.5;
    /** Specific biomass enthalpy h_BIO, J kg⁻¹. */
    public static final double BIOMASS_ENTHALPY_J_PER_KG = 22e6;

    private EnergyTransfer() {
    }

    /** E_PPT (MJ m⁻²) of effective precipitation F (mm) at mean temperature T (°C). */
    public static double precipitationMJPerM2(double effectivePrecipitationMm, double meanCelsius) {
        if (!(meanCelsius > 0)) {
            return 0;
        }
        return effectivePrecipitationMm * WATER_HEAT_CAPACITY_J_PER_KG_K * meanCelsius / 1e6;
    }

    /** E_BIO (MJ m⁻²) of a net primary production (g m⁻² of dry matter). */
    public static double biologicalMJPerM2(double nppGramsPerM2) {
        return nppGramsPerM2 / 1000 * BIOMASS_ENTHALPY_J_PER_KG / 1e6;
    }
}
