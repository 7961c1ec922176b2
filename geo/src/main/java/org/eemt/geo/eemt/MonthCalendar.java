package org.eemt.geo.eemt;

import org.eemt.geo.solar.SolarCalendar;

/**
 * The months of a 365-day year as the EEMT model uses them, on the project's one calendar
 * ({@link SolarCalendar}: Daymet drops 31 December in leap years, and so does the project).
 * Months are 0-based: 0 = January.
 */
public final class MonthCalendar {
    /** Days in the year. */
    public static final int DAYS_IN_YEAR = SolarCalendar.DAYS_IN_YEAR;

    private MonthCalendar() {
    }

    /** Days in a month (February 28). */
    public static int days(int month) {
        return SolarCalendar.daysInMonth(month);
    }

    /** Seconds in a month, t_m of the Penman equation. */
    public static double seconds(int month) {
        return SolarCalendar.daysInMonth(month) * 86400.0;
    }

    /** Day of the year of the 15th of a month: days before the month + 15 (15 for January, 46 for February). */
    public static int dayOfYearOfThe15th(int month) {
        int before = 0;
        for (int m = 0; m < month; m++) {
            before += SolarCalendar.daysInMonth(m);
        }
        return before + 15;
    }
}
