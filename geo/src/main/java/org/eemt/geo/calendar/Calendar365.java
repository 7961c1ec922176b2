package org.eemt.geo.calendar;

/**
 * The project's one calendar, of the solar products and the EEMT model alike: the 365-day year
 * (SCIENCE.md: every year has 365 days; Daymet drops 31 December of leap years), day of year
 * 1..365 and month index 0 (January) .. 11 (December).
 */
public final class Calendar365 {
    /** Days in each month of a 365-day year. */
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** The three-letter month names used in product file names. */
    private static final String[] MONTH_NAMES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    public static final int DAYS_IN_YEAR = 365;
    public static final int MONTHS = 12;

    private Calendar365() {
    }

    /** Month index 0..11 of a day of year 1..365. */
    public static int monthOf(int dayOfYear) {
        requireDay(dayOfYear);
        int d = dayOfYear;
        for (int m = 0; m < MONTHS; m++) {
            if (d <= DAYS_IN_MONTH[m]) {
                return m;
            }
            d -= DAYS_IN_MONTH[m];
        }
        throw new AssertionError(dayOfYear);
    }

    /** Days in a month (February 28). */
    public static int daysInMonth(int month) {
        return DAYS_IN_MONTH[month];
    }

    /** Seconds in a month, t_m of the Penman equation. */
    public static double secondsInMonth(int month) {
        return DAYS_IN_MONTH[month] * 86400.0;
    }

    /** Day of the year of the 15th of a month: days before the month + 15 (15 for January, 46 for February). */
    public static int dayOfYearOfThe15th(int month) {
        int before = 0;
        for (int m = 0; m < month; m++) {
            before += DAYS_IN_MONTH[m];
        }
        return before + 15;
    }

    /** {@code jan} .. {@code dec}. */
    public static String monthName(int month) {
        return MONTH_NAMES[month];
    }

    /** Refuses a day of year outside 1..365. */
    public static void requireDay(int dayOfYear) {
        if (dayOfYear < 1 || dayOfYear > DAYS_IN_YEAR) {
            throw new IllegalArgumentException("day of year " + dayOfYear + " outside 1..365");
        }
    }
}
