package org.eemt.geo.eemt;

/**
 * Lapse-rate correction of a temperature from the elevation the climate refers to, z_b, to the
 * cell elevation z (SCIENCE.md §3): T_loc = T − Γ·(z − z_b)/1000, Γ in °C km⁻¹ (default 6.49).
 */
public final class LapseRate {
    /** The default environmental lapse rate, °C per km. */
    public static final double DEFAULT_CELSIUS_PER_KM = 6.49;

    private LapseRate() {
    }

    /** T (°C) at z (m) from T at z_b (m) with lapse rate Γ (°C km⁻¹). */
    public static double adjustCelsius(double celsius, double cellElevationMetres, double baseElevationMetres,
                                       double lapseRateCelsiusPerKm) {
        return celsius - lapseRateCelsiusPerKm * (cellElevationMetres - baseElevationMetres) / 1000.0;
    }
}
