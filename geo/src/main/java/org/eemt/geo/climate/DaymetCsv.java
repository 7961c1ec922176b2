package org.eemt.geo.climate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;

/**
 * Daymet single-pixel CSV records (V2, V3 and V4 alike): free-text header lines (latitude,
 * longitude, {@code Elevation: <n> meters}, citation), then a {@code year,yday,...} header line
 * and one row per day. Columns are found by name ({@code tmax (deg c)}, {@code tmin (deg c)},
 * {@code prcp (mm/day)}, and the optional {@code vp (Pa)}), since each version orders them differently, and
 * numbers may be integers or floats ({@code 2000.0,1.0,...}).
 *
 * <p>Daily rows become months (SCIENCE.md §3): mean of tmax, tmin and vp, sum of prcp. Every
 * Daymet year has days 1–365; in leap years day 60 is 29 February and 31 December is dropped,
 * so day {@code d} of year {@code y} is the calendar date {@code LocalDate.ofYearDay(y, d)}.
 */
public final class DaymetCsv {
    private static final Pattern ELEVATION = Pattern.compile("(?i)^\\s*elevation:\\s*([-+0-9.eE]+)\\s*(m|meters|metres)?\\b");
    private static final Pattern LATITUDE = Pattern.compile("(?i)latitude:\\s*([-+0-9.eE]+)");
    private static final Pattern LONGITUDE = Pattern.compile("(?i)longitude:\\s*([-+0-9.eE]+)");
    private static final String FIX = "give a Daymet single-pixel CSV as the single-pixel tool returns it "
            + "(header lines with Elevation, then a year,yday,... line)";

    private DaymetCsv() {
    }

    /** Reads and aggregates a whole single-pixel record. */
    public static StationRecord read(String location) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Storage.open(location), StandardCharsets.UTF_8))) {
            return parse(location, in);
        } catch (java.io.FileNotFoundException e) {
            throw EemtException.input(location, "climate file not found", "check the path given to --climate", e);
        } catch (IOException e) {
            throw EemtException.input(location, "climate file cannot be read (" + e.getMessage() + ")",
                    "check the path and its permissions", e);
        }
    }

    private static StationRecord parse(String location, BufferedReader in) throws IOException {
        Double elevation = null;
        Double latitude = null;
        Double longitude = null;
        String line;
        int lineNumber = 0;
        Map<String, Integer> columns = null;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String t = line.trim().replace("\uFEFF", "");
            if (t.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("year,yday")) {
                columns = columnsOf(t);
                break;
            }
            Matcher m = ELEVATION.matcher(t);
            if (m.find()) {
                elevation = Double.parseDouble(m.group(1));
            }
            Matcher lat = LATITUDE.matcher(t);
            if (lat.find()) {
                latitude = Double.parseDouble(lat.group(1));
            }
            Matcher lon = LONGITUDE.matcher(t);
            if (lon.find()) {
                longitude = Double.parseDouble(lon.group(1));
            }
        }
        if (columns == null) {
            throw EemtException.input(location, "has no year,yday header line (not a Daymet single-pixel CSV)", FIX);
        }
        if (elevation == null) {
            throw EemtException.input(location, "has no \"Elevation: <n> meters\" line before the year,yday header", FIX);
        }
        int year = columns.get("year");
        int yday = columns.get("yday");
        int[] variables = new int[ClimateVariable.values().length];
        for (ClimateVariable v : ClimateVariable.values()) {
            Integer c = columns.get(v.daymetName());
            if (c == null && v == ClimateVariable.VP) {
                variables[v.ordinal()] = -1; // optional: without it, e_a = e°(T_min)
                continue;
            }
            if (c == null) {
                throw EemtException.input(location, "has no " + v.daymetName() + " column in its year,yday header line", FIX);
            }
            variables[v.ordinal()] = c;
        }
        Map<Integer, double[][]> sums = new TreeMap<>();
        Map<Integer, int[]> days = new HashMap<>();
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            try {
                int y = (int) Double.parseDouble(f[year].trim());
                int d = (int) Double.parseDouble(f[yday].trim());
                if (d < 1 || d > 365) {
                    throw new NumberFormatException("yday " + d + " outside 1-365");
                }
                int month = LocalDate.ofYearDay(y, d).getMonthValue() - 1;
                double[][] s = sums.computeIfAbsent(y, k -> new double[ClimateVariable.values().length][12]);
                days.computeIfAbsent(y, k -> new int[12])[month]++;
                for (ClimateVariable v : ClimateVariable.values()) {
                    if (variables[v.ordinal()] < 0) {
                        continue;
                    }
                    double value = Double.parseDouble(f[variables[v.ordinal()]].trim());
                    s[v.ordinal()][month] += value;
                }
            } catch (RuntimeException e) {
                throw EemtException.input(location, "line " + lineNumber + " is not a daily row (" + e.getMessage() + ")", FIX, e);
            }
        }
        Map<Integer, float[][]> monthly = new TreeMap<>();
        Map<Integer, Integer> daysPerYear = new TreeMap<>();
        for (Map.Entry<Integer, double[][]> e : sums.entrySet()) {
            int[] n = days.get(e.getKey());
            daysPerYear.put(e.getKey(), java.util.Arrays.stream(n).sum());
            float[][] values = new float[ClimateVariable.values().length][12];
            for (ClimateVariable v : ClimateVariable.values()) {
                for (int m = 0; m < 12; m++) {
                    int count = n[m];
                    double s = e.getValue()[v.ordinal()][m];
                    values[v.ordinal()][m] = count == 0 || variables[v.ordinal()] < 0 ? Float.NaN
                            : (float) (v == ClimateVariable.PRCP ? s : s / count);
                }
            }
            monthly.put(e.getKey(), values);
        }
        return new StationRecord(location, elevation, latitude == null ? Double.NaN : latitude,
                longitude == null ? Double.NaN : longitude, monthly, daysPerYear);
    }

    /** Column index by Daymet variable name: the text before the first space ("tmax (deg c)" -> tmax). */
    private static Map<String, Integer> columnsOf(String header) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split(",");
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim().toLowerCase(Locale.ROOT);
            int space = name.indexOf(' ');
            columns.putIfAbsent(space < 0 ? name : name.substring(0, space), i);
        }
        return columns;
    }
}
