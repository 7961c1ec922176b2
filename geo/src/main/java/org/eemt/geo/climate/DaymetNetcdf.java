package org.eemt.geo.climate;

import java.time.LocalDate;
import java.util.Locale;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * Daymet monthly summaries in netCDF: the files ORNL distributes
 * ({@code daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc}, netCDF-4, x/y in metres) and the
 * NetcdfSubset extracts of the same (netCDF-3, x/y in km).
 *
 * <p>Read from the file itself, not assumed: the grid from the {@code x}/{@code y} coordinate
 * variables and their {@code units} (m or km, converted to metres); the CRS from the variable's
 * {@code grid_mapping} ({@link LambertConformal}); the 12 months of the year from {@code time}
 * and its {@code units} ("days since ..."); {@code _FillValue} and {@code missing_value} become
 * NaN, {@code scale_factor}/{@code add_offset} are applied, values are converted to the
 * variable's unit ({@link ClimateVariable#unit()}). Every problem is a one-line exit-2 error
 * naming the file.
 */
public final class DaymetNetcdf {
    private static final String FIX_DOWNLOAD = "use Daymet V4 monthly files from ORNL or NetcdfSubset (eemt fetch-daymet)";

    private DaymetNetcdf() {
    }

    /** The whole grid of the file's variable, in metres of its Lambert conformal CRS; no values read. */
    public static RasterGrid grid(String location, ClimateVariable variable) {
        try (NetcdfFile file = NetcdfFile.open(location)) {
            return gridOf(file, variable);
        }
    }

    /**
     * The twelve months of {@code variable} in {@code year} on the cells of {@code window}
     * (a window of {@link #grid}).
     */
    public static MonthlyGrid read(String location, ClimateVariable variable, int year, PixelWindow window) {
        try (NetcdfFile file = NetcdfFile.open(location)) {
            RasterGrid grid = gridOf(file, variable);
            if (window.x0() < 0 || window.y0() < 0 || window.x0() + window.width() > grid.columns()
                    || window.y0() + window.height() > grid.rows()) {
                throw EemtException.input(location, "does not hold the cells " + window + " of its "
                        + grid.columns() + "x" + grid.rows() + " grid", "download a subset that covers the DEM");
            }
            checkMonths(file, variable, year);
            String name = variable.daymetName();
            double[] conversion = variable.conversionFrom(text(file, name, "units"));
            if (conversion == null) {
                throw EemtException.input(location, name + " has units \"" + text(file, name, "units")
                        + "\", expected " + variable.unit(), FIX_DOWNLOAD);
            }
            double scale = number(file, name, "scale_factor", 1);
            double offset = number(file, name, "add_offset", 0);
            double fill = number(file, name, "_FillValue", Double.NaN);
            double missing = number(file, name, "missing_value", Double.NaN);
            float[][] months = new float[12][];
            for (int m = 0; m < 12; m++) {
                float[] raw = file.readSlab(name, m, window);
                for (int i = 0; i < raw.length; i++) {
                    float v = raw[i];
                    boolean absent = Float.isNaN(v) || v == (float) fill || v == (float) missing;
                    raw[i] = absent ? Float.NaN : (float) ((v * scale + offset) * conversion[0] + conversion[1]);
                }
                months[m] = raw;
            }
            return new MonthlyGrid(grid.window(window), months);
        }
    }

    private static RasterGrid gridOf(NetcdfFile file, ClimateVariable variable) {
        String name = variable.daymetName();
        if (!file.hasVariable(name)) {
            throw EemtException.input(file.location, "has no variable " + name,
                    "give the Daymet " + name + "_" + variable.aggregation() + " file; " + FIX_DOWNLOAD);
        }
        int[] shape = file.shape(name);
        if (shape.length != 3) {
            throw EemtException.input(file.location, name + " has " + shape.length + " dimensions, expected (time, y, x)", FIX_DOWNLOAD);
        }
        String mapping = text(file, name, "grid_mapping");
        LambertConformal projection = mapping == null || !file.hasVariable(mapping) ? null
                : LambertConformal.fromGridMapping(file, mapping);
        if (projection == null) {
            throw EemtException.input(file.location, name + " is not on a Lambert conformal conic grid (grid_mapping "
                    + (mapping == null ? "missing" : "\"" + mapping + "\" is not a complete lambert_conformal_conic mapping")
                    + "): not the Daymet CRS", FIX_DOWNLOAD);
        }
        double[] x = metres(file, "x", shape[2]);
        double[] y = metres(file, "y", shape[1]);
        double cell = x[1] - x[0];
        if (!(cell > 0) || Math.abs((y[0] - y[1]) - cell) > 1e-6 * cell || !regular(x, cell) || !regular(y, -cell)) {
            throw EemtException.input(file.location, "x/y do not form a north-up grid of square cells "
                    + "(x ascending, y descending, equal steps)", FIX_DOWNLOAD);
        }
        return RasterGrid.of(shape[2], shape[1], x[0] - cell / 2, y[0] + cell / 2, cell, cell, projection.crs());
    }

    /** A coordinate variable in metres, from its units (m or km). */
    private static double[] metres(NetcdfFile file, String axis, int length) {
        if (!file.hasVariable(axis) || file.shape(axis).length != 1 || file.shape(axis)[0] != length || length < 2) {
            throw EemtException.input(file.location, "has no coordinate variable " + axis + " of length " + length
                    + " (at least 2)", FIX_DOWNLOAD);
        }
        String units = text(file, axis, "units");
        double factor = switch (units == null ? "" : units.trim().toLowerCase(Locale.ROOT)) {
            case "m", "meter", "meters", "metre", "metres" -> 1;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000;
            default -> throw EemtException.input(file.location, axis + " has units \"" + units + "\", expected m or km", FIX_DOWNLOAD);
        };
        double[] values = file.readAll(axis);
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    private static boolean regular(double[] values, double step) {
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - values[i - 1] - step) > 1e-6 * Math.abs(step)) {
                return false;
            }
        }
        return true;
    }

    /** The time axis must hold the twelve months of {@code year}, in order. */
    private static void checkMonths(NetcdfFile file, ClimateVariable variable, int year) {
        String name = variable.daymetName();
        int steps = file.shape(name)[0];
        if (!file.hasVariable("time")) {
            throw EemtException.input(file.location, "has no time variable", FIX_DOWNLOAD);
        }
        double[] time = file.readAll("time");
        String units = text(file, "time", "units");
        LocalDate epoch = epochOf(units);
        if (epoch == null) {
            throw EemtException.input(file.location, "time has units \"" + units + "\", expected \"days since <date>\"", FIX_DOWNLOAD);
        }
        for (int m = 0; m < Math.min(steps, time.length); m++) {
            LocalDate date = epoch.plusDays((long) Math.floor(time[m]));
            if (date.getYear() != year || date.getMonthValue() != m + 1) {
                throw EemtException.input(file.location, name + " time step " + (m + 1) + " is " + date + ", expected month "
                        + (m + 1) + " of " + year, "give the monthly file of " + year + " with all 12 months");
            }
        }
        if (steps != 12 || time.length != 12) {
            throw EemtException.input(file.location, name + " has " + Math.min(steps, time.length)
                    + " months of " + year + ", expected 12", "give the monthly file of " + year + " with all 12 months");
        }
    }

    private static LocalDate epochOf(String units) {
        if (units == null) {
            return null;
        }
        String u = units.trim().toLowerCase(Locale.ROOT);
        if (!u.startsWith("days since ")) {
            return null;
        }
        String date = u.substring("days since ".length()).trim();
        int end = date.indexOf(' ') > 0 ? date.indexOf(' ') : date.indexOf('t') > 0 ? date.indexOf('t') : date.length();
        try {
            String[] ymd = date.substring(0, end).split("-");
            return LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(NetcdfFile file, String variable, String attribute) {
        return file.attribute(variable, attribute) instanceof String s ? s : null;
    }

    private static double number(NetcdfFile file, String variable, String attribute, double absent) {
        return file.attribute(variable, attribute) instanceof double[] d && d.length > 0 ? d[0] : absent;
    }
}
