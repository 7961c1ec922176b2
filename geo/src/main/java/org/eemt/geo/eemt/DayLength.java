package org.eemt.geo.eemt;

/**
 * Astronomical day length for Hamon's PET (SCIENCE.md §4, EEMT_TRAD), with the solar declination
 * of the r.sun model (SCIENCE.md §2): j = 2π·d/365.25,
 * δ = asin(0.3978·sin(j − 1.4 + 0.0355·sin(j − 0.0489))), and
 * D = (24/π)·acos(clamp(−tanφ·tanδ, −1, 1)) hours.
 */
public final class DayLength {
    private DayLength() {
    }

    /** Solar declination δ (radians) on day of year {@code day}. */
    public static double declinationRadians(int day) {
        double j = 2 * Math.PI * day / 365.25;
        return Math.asin(0.3978 * Math.sin(j - 1.4 + 0.0355 * Math.sin(j - 0.0489)));
    }

    /** Hours from sunrise to sunset on a horizontal surface at latitude φ (°N) on day of year {@code day}; 0 or 24 in polar night or day. */
    public static double hours(double latitudeDegrees, int day) {
        double cosHourAngle = -Math.tan(Math.toRadians(latitudeDegrees)) * Math.tan(declinationRadians(day));
        return 24 / Math.PI * Math.acos(Math.max(-1, Math.min(1, cosHourAngle)));
    }

    /** Day length (h) on the 15th of a month (0 = January), the D of Hamon's PET. */
    public static double midMonthHours(double latitudeDegrees, int month) {
        return hours(latitudeDegrees, MonthCalendar.dayOfYearOfThe15th(month));
    }
}
