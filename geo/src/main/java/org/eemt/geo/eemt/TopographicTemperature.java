package org.eemt.geo.eemt;

/**
 * Maximum temperature adjusted for topographic solar radiation (Rasmussen et al. 2015 Eq. 6):
 * T_max,topo = T_max + C·(S_i − 1/S_i)·(1 − LAI/LAI_max), C = 1 °C, LAI_max = 10, with the solar
 * index S_i = S_topo/S_flat, taken as 1 where S_flat = 0 (polar night: no adjustment). EEMT_TOPO
 * uses it without the LAI term (LAI = 0).
 */
public final class TopographicTemperature {
    /** C, °C. */
    public static final double C_CELSIUS = 1.0;
    /** LAI_max. */
    public static final double MAX_LEAF_AREA_INDEX = 10;

    private TopographicTemperature() {
    }

    /** S_i = S_topo/S_flat, or 1 when S_flat = 0. */
    public static double solarIndex(double sTopo, double sFlat) {
        return sFlat > 0 ? sTopo / sFlat : 1;
    }

    /** T_max,topo (°C) from the lapse-corrected T_max (°C), S_topo and S_flat (same unit), and LAI (0 for EEMT_TOPO). */
    public static double maxCelsius(double tmaxCelsius, double sTopo, double sFlat, double leafAreaIndex) {
        double canopy = 1 - leafAreaIndex / MAX_LEAF_AREA_INDEX;
        if (canopy == 0) {
            return tmaxCelsius; // a closed canopy: no adjustment, even where S_topo = 0 makes 1/S_i infinite
        }
        double si = solarIndex(sTopo, sFlat);
        return tmaxCelsius + C_CELSIUS * (si - 1 / si) * canopy;
    }
}
