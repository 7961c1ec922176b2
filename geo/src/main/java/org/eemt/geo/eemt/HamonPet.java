package org.eemt.geo.eemt;

/**
 * Hamon potential evapotranspiration (Haith & Shoemaker 1987), the PET of EEMT_TRAD
 * (SCIENCE.md §4): PET_H = 29.8·D·e°(T)/(T + 273.2) mm day⁻¹ × days in month, D the day length
 * (h) on the 15th of the month; 0 when T ≤ 0 °C.
 */
public final class HamonPet {
    private HamonPet() {
    }

    /** Monthly PET (mm month⁻¹) at mean temperature T (°C), day length D (h), over {@code days} days. */
    public static double monthlyMm(double meanCelsius, double dayLengthHours, int days) {
        if (!(meanCelsius > 0)) {
            return 0;
        }
        return 29.8 * dayLengthHours * Atmosphere.saturationVapourPressureKPa(meanCelsius) / (meanCelsius + 273.2) * days;
    }
}
