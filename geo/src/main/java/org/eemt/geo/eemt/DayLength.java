package org.eemt.geo.eemt;

import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.model.SolarDay;

/**
 * Astronomical day length for Hamon's PET (SCIENCE.md §4, EEMT_TRAD), with the solar declination
 * δ of the r.sun model ({@link SolarDay}, SCIENCE.md §2):
 * D = (24/π)·acos(clamp(−tanφ·tanδ, −1, 1)) hours.
 */
public final class DayLength {
    private DayLength() {
    }

    /** Hours from sunrise to sunset on a horizontal surface at latitude φ (°N) on day of year {@code day}; 0 or 24 in polar night or day. */
    public static double hours(double latitudeDegrees, int day) {
        double cosHourAngle = -Math.tan(Math.toRadians(latitudeDegrees)) * Math.tan(SolarDay.of(day).declinationRadians());
        return 24 / Math.PI * Math.acos(Math.max(-1, Math.min(1, cosHourAngle)));
    }

    /** Day length (h) on the 15th of a month (0 = January), the D of Hamon's PET. */
    public static double midMonthHours(double latitudeDegrees, int month) {
        return hours(latitudeDegrees, Calendar365.dayOfYearOfThe15th(month));
    }
}
