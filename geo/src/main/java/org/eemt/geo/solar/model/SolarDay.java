package org.eemt.geo.solar.model;

import org.eemt.geo.calendar.Calendar365;

/**
 * The sun's geometry of one day of the year (SCIENCE.md §2, "Day geometry", Eq. 2.1–2.2), with
 * {@code j = 2π·d/365.25}:
 * <ul>
 *   <li>declination δ = asin(0.3978·sin(j − 1.4 + 0.0355·sin(j − 0.0489))) (radians);</li>
 *   <li>extraterrestrial irradiance G0 = 1367·(1 + 0.03344·cos(j − 0.048869)) (W m⁻², normal to the beam).</li>
 * </ul>
 * Šúri &amp; Hofierka (2004), after Scharmer &amp; Greif (2000, ESRA).
 */
public record SolarDay(int dayOfYear, double declinationRadians, double extraterrestrialIrradiance) {
    /** The solar constant (W m⁻²). */
    public static final double SOLAR_CONSTANT = 1367.0;

    public static SolarDay of(int dayOfYear) {
        Calendar365.requireDay(dayOfYear);
        double j = 2 * Math.PI * dayOfYear / 365.25;
        double declination = Math.asin(0.3978 * Math.sin(j - 1.4 + 0.0355 * Math.sin(j - 0.0489)));
        double g0 = SOLAR_CONSTANT * (1 + 0.03344 * Math.cos(j - 0.048869));
        return new SolarDay(dayOfYear, declination, g0);
    }

    /** Month index 0..11 of this day. */
    public int month() {
        return Calendar365.monthOf(dayOfYear);
    }
}
