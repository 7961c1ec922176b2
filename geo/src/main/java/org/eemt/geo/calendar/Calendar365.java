package org.eemt.geo.solar;

/**
 * The 365-day year of the solar products (SCIENCE.md: every year has 365 days; Daymet drops
 * 31 December of leap years): day of year 1..365 and month index 0 (January) .. 11 (December).
 */
public final class SolarCalendar {
    /** Days in each month of a 365-day year. */
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** The three-letter month names used in product file names. */
    private static final String[] MONTH_NAMES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    public static final int DAYS_IN_YEAR = 365;
    public static final int MONTHS = 12;

    private SolarCalendar() {
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

    public static int daysInMonth(int month) {
        return DAYS_IN_MONTH[month];
    }

    /** {@code jan} .. {@code dec}. */
    public static String monthName(int month) {
        return MONTH_NAMES[month];
    }

    static void requireDay(int dayOfYear) {
        if (dayOfYear < 1 || dayOfYear > DAYS_IN_YEAR) {
            throw new IllegalArgumentException("day of year " + dayOfYear + " outside 1..365");
        }
    }
}
