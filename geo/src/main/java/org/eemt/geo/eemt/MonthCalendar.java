package org.eemt.geo.eemt;

/**
 * The months of a 365-day year (SCIENCE.md: Daymet drops 31 December in leap years, and so does
 * the project). Months are 0-based: 0 = January.
 */
public final class MonthCalendar {
    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Days in the year. */
    public static final int DAYS_IN_YEAR = 365;

    private MonthCalendar() {
    }

    /** Days in a month (February 28). */
    public static int days(int month) {
        return DAYS[month];
    }

    /** Seconds in a month, t_m of the Penman equation. */
    public static double seconds(int month) {
        return DAYS[month] * 86400.0;
    }

    /** Day of the year of the 15th of a month: days before the month + 15 (15 for January, 46 for February). */
    public static int dayOfYearOfThe15th(int month) {
        int before = 0;
        for (int m = 0; m < month; m++) {
            before += DAYS[m];
        }
        return before + 15;
    }
}
