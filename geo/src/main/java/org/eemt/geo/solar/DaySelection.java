package org.eemt.geo.solar;

import java.util.TreeSet;
import org.eemt.geo.EemtException;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.model.SolarParameters;

/** Days of the year (1..365) written as ranges and lists, e.g. {@code 1-365} or {@code 80,172,355} or {@code 1-31,60}. */
public final class DaySelection {
    private DaySelection() {
    }

    /** The selected days, ascending, without repeats. */
    public static int[] parse(String text) {
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from < 1 || to > Calendar365.DAYS_IN_YEAR || from > to) {
                    throw new NumberFormatException();
                }
                for (int d = from; d <= to; d++) {
                    days.add(d);
                }
            } catch (NumberFormatException e) {
                throw EemtException.input("--days " + text, "'" + p + "' is not a day of year or range within 1..365",
                        "write days as ranges and lists, e.g. 1-365 or 80,172,355");
            }
        }
        return days.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Linke turbidity: one value for every month, or twelve comma-separated monthly values (January first). */
    public static double[] parseLinke(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 1) {
                return SolarParameters.constantLinke(Double.parseDouble(parts[0].trim()));
            }
            if (parts.length == Calendar365.MONTHS) {
                double[] v = new double[Calendar365.MONTHS];
                for (int m = 0; m < v.length; m++) {
                    v[m] = Double.parseDouble(parts[m].trim());
                }
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw EemtException.input("--linke " + text, "needs one number or 12 comma-separated monthly numbers",
                "e.g. --linke 3.0 or --linke 2.1,2.2,2.5,2.9,3.2,3.4,3.5,3.3,2.9,2.6,2.3,2.2");
    }
}
