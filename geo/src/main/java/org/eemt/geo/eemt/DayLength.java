package org.eemt.geo.eemt;

import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.model.SolarDay;

/**
 * Astronomical day length for Hamon's PET (SCIENCE.md §4, EEMT_TRAD), with the solar declination
 * δ of the r.sun model ({@link SolarDay}, SCIENCE.md §2):
 * D = (24/π)·acos(clamp(−tanφ·tanδ, −1, 1)) hours.
 */
public final class DayLength {
    /** tan δ on the 15th of each month (0 = January): the same for every cell. */
    private static final double[] TAN_DECLINATION_MID_MONTH = new double[Calendar365.MONTHS];

    static {
        for (int m = 0; m < Calendar365.MONTHS; m++) {
            TAN_DECLINATION_MID_MONTH[m] = Math.tan(SolarDay.of(Calendar365.dayOfYearOfThe15th(m)).declinationRadians());
        }
    }

    private DayLength() {
    }

    /** Day length (h) on the 15th of a month (0 = January), the D of Hamon's PET; 0 or 24 in polar night or day. */
    public static double midMonthHours(double latitudeDegrees, int month) {
        double cosHourAngle = -Math.tan(Math.toRadians(latitudeDegrees)) * TAN_DECLINATION_MID_MONTH[month];
        return 24 / Math.PI * Math.acos(Math.max(-1, Math.min(1, cosHourAngle)));
    }
}
