package org.eemt.geo.climate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * Monthly climate in CF netCDF (CF conventions 1.x, "NetCDF Climate and Forecast Metadata
 * Conventions"), one file per variable and year with the twelve months along {@code time}: Daymet's
 * files ({@code x}/{@code y} in m or km on the Lambert conformal conic of the variable's
 * {@code grid_mapping}; netCDF-4 from ORNL, netCDF-3 from NetcdfSubset) and latitude/longitude
 * grids as TerraClimate publishes them (1-D {@code lat}/{@code lon} in degrees_north/degrees_east,
 * dimensions {@code (time, lat, lon)}, latitude descending or ascending, WGS 84).
 *
 * <p>Read from the file itself, not assumed: the variable by its dataset name, or else by its
 * {@code standard_name} (and {@code cell_methods}: maximum/minimum), and a {@code standard_name}
 * that contradicts the variable is refused; the 12 months of the year from {@code time} and its
 * {@code units} ("days since ..."); {@code _FillValue} and {@code missing_value} become NaN,
 * {@code scale_factor}/{@code add_offset} are applied (to float), then the values are converted
 * from the variable's {@code units} to {@link ClimateVariable#unit()}. Every problem is a
 * one-line exit-2 error naming the file.
 */
public final class MonthlyNetcdf {
    private MonthlyNetcdf() {
    }

    /** Where a variable's values lie: its grid (north up) and whether the file stores rows south first. */
    private record Layout(String variable, RasterGrid grid, boolean southFirst) {
    }

    /** The whole grid of the file's variable, north up; no values read. */
    public static RasterGrid grid(String location, ClimateDataset dataset, ClimateVariable variable) {
        try (NetcdfFile file = NetcdfFile.open(location)) {
            return layoutOf(file, dataset, variable).grid();
        }
    }

    /**
     * The twelve months of {@code variable} in {@code year} on the cells of {@code window}
     * (a window of {@link #grid}, north up).
     */
    public static MonthlyGrid read(String location, ClimateDataset dataset, ClimateVariable variable, int year, PixelWindow window) {
        try (NetcdfFile file = NetcdfFile.open(location)) {
            Layout layout = layoutOf(file, dataset, variable);
            RasterGrid grid = layout.grid();
            if (window.x0() < 0 || window.y0() < 0 || window.x0() + window.width() > grid.columns()
                    || window.y0() + window.height() > grid.rows()) {
                throw EemtException.input(location, "does not hold the cells " + window + " of its "
                        + grid.columns() + "x" + grid.rows() + " grid", "download a subset that covers the DEM");
            }
            String name = layout.variable();
            checkMonths(file, dataset, name, year);
            String units = text(file, name, "units");
            double scale = number(file, name, "scale_factor", 1);
            double offset = number(file, name, "add_offset", 0);
            double fill = number(file, name, "_FillValue", Double.NaN);
            double missing = number(file, name, "missing_value", Double.NaN);
            PixelWindow stored = layout.southFirst()
                    ? new PixelWindow(window.x0(), grid.rows() - window.y0() - window.height(), window.width(), window.height())
                    : window;
            float[][] months = new float[12][];
            for (int m = 0; m < 12; m++) {
                float[] raw = file.readSlab(name, m, stored);
                float[] values = new float[raw.length];
                for (int r = 0; r < window.height(); r++) {
                    int from = (layout.southFirst() ? window.height() - 1 - r : r) * window.width();
                    for (int c = 0; c < window.width(); c++) {
                        float v = raw[from + c];
                        boolean absent = Float.isNaN(v) || v == (float) fill || v == (float) missing;
                        values[r * window.width() + c] = absent ? Float.NaN : (float) (v * scale + offset);
                    }
                }
                months[m] = variable.toHeldUnit(values, location, name, units, year, m);
            }
            return new MonthlyGrid(grid.window(window), months);
        }
    }

    /** The variable of {@code variable} in the file: by the dataset's name, or by CF standard_name. */
    private static String variableOf(NetcdfFile file, ClimateDataset dataset, ClimateVariable variable) {
        String name = dataset.nameOf(variable);
        if (file.hasVariable(name)) {
            String standard = text(file, name, "standard_name");
            if (describesAnother(variable, standard)) {
                throw EemtException.input(file.location, name + " has standard_name \"" + standard + "\": not "
                        + variable.name().toLowerCase(Locale.ROOT), "give the " + name + " file of the dataset; " + dataset.fix());
            }
            return name;
        }
        List<String> described = new ArrayList<>();
        for (String candidate : file.variables()) {
            if (file.shape(candidate).length == 3
                    && variable.describedBy(text(file, candidate, "standard_name"), text(file, candidate, "cell_methods"))) {
                described.add(candidate);
            }
        }
        if (described.size() != 1) {
            throw EemtException.input(file.location, "has no variable " + name + (described.isEmpty()
                    ? " (nor one whose CF standard_name says it is " + variable.name().toLowerCase(Locale.ROOT) + ")"
                    : " and several that could be it " + described), "give the " + name + " file; " + dataset.fix());
        }
        return described.get(0);
    }

    /** A standard_name that says the variable is another of the four (ppt called air_temperature): refused. */
    private static boolean describesAnother(ClimateVariable variable, String standardName) {
        if (standardName == null || variable.describedBy(standardName, "maximum minimum")) {
            return false;
        }
        for (ClimateVariable other : ClimateVariable.values()) {
            if (other.describedBy(standardName, "maximum minimum")) {
                return true;
            }
        }
        return false;
    }

    private static Layout layoutOf(NetcdfFile file, ClimateDataset dataset, ClimateVariable variable) {
        String name = variableOf(file, dataset, variable);
        int[] shape = file.shape(name);
        if (shape.length != 3) {
            throw EemtException.input(file.location, name + " has " + shape.length + " dimensions, expected (time, y, x)", dataset.fix());
        }
        String mapping = text(file, name, "grid_mapping");
        LambertConformal projection = mapping == null || !file.hasVariable(mapping) ? null
                : LambertConformal.fromGridMapping(file, mapping);
        if (projection != null) {
            return new Layout(name, lambertGrid(file, dataset, shape, projection), false);
        }
        if (dataset.lambertConformalOnly()) {
            throw EemtException.input(file.location, name + " is not on a Lambert conformal conic grid (grid_mapping "
                    + (mapping == null ? "missing" : "\"" + mapping + "\" is not a complete lambert_conformal_conic mapping")
                    + "): not the Daymet CRS", dataset.fix());
        }
        return latitudeLongitude(file, dataset, name, shape);
    }

    private static RasterGrid lambertGrid(NetcdfFile file, ClimateDataset dataset, int[] shape, LambertConformal projection) {
        double[] x = metres(file, dataset, "x", shape[2]);
        double[] y = metres(file, dataset, "y", shape[1]);
        double cell = x[1] - x[0];
        if (!(cell > 0) || Math.abs((y[0] - y[1]) - cell) > 1e-6 * cell || !regular(x, cell) || !regular(y, -cell)) {
            throw EemtException.input(file.location, "x/y do not form a north-up grid of square cells "
                    + "(x ascending, y descending, equal steps)", dataset.fix());
        }
        return RasterGrid.of(shape[2], shape[1], x[0] - cell / 2, y[0] + cell / 2, cell, cell, projection.crs());
    }

    /**
     * A CF latitude/longitude grid: the 1-D coordinate variables of the last two dimensions, found
     * by their units (degrees_north, degrees_east) or standard_name; longitudes all beyond 180° are
     * brought to -180..180. Coordinates may be stored as float, so steps are checked to 0.1 %.
     */
    private static Layout latitudeLongitude(NetcdfFile file, ClimateDataset dataset, String name, int[] shape) {
        double[] lat = null;
        double[] lon = null;
        for (String v : file.variables()) {
            int[] s = file.shape(v);
            if (s.length != 1) {
                continue;
            }
            String units = String.valueOf(text(file, v, "units")).toLowerCase(Locale.ROOT).replace(" ", "_");
            String standard = String.valueOf(text(file, v, "standard_name"));
            if (lat == null && s[0] == shape[1] && (units.startsWith("degree_n") || units.startsWith("degrees_n")
                    || standard.equals("latitude"))) {
                lat = file.readAll(v);
            } else if (lon == null && s[0] == shape[2] && (units.startsWith("degree_e") || units.startsWith("degrees_e")
                    || standard.equals("longitude"))) {
                lon = file.readAll(v);
            }
        }
        if (lat == null || lon == null || lat.length < 2 || lon.length < 2) {
            throw EemtException.input(file.location, name + " is neither on a Lambert conformal conic grid nor on a "
                    + "latitude/longitude grid (1-D lat and lon coordinates in degrees_north and degrees_east, dimensions "
                    + "(time, lat, lon), at least 2 each)", dataset.fix());
        }
        if (lon[0] >= 180 && lon[lon.length - 1] >= 180) {
            for (int i = 0; i < lon.length; i++) {
                lon[i] -= 360;
            }
        }
        double cell = (lon[lon.length - 1] - lon[0]) / (lon.length - 1);
        double latStep = (lat[lat.length - 1] - lat[0]) / (lat.length - 1);
        boolean southFirst = latStep > 0;
        if (!(cell > 0) || Math.abs(Math.abs(latStep) - cell) > 1e-3 * cell || !regular(lon, cell, 1e-3)
                || !regular(lat, latStep, 1e-3)) {
            throw EemtException.input(file.location, "lat/lon do not form a regular grid of square cells "
                    + "(longitude ascending, equal steps in latitude and longitude)", dataset.fix());
        }
        double north = Math.max(lat[0], lat[lat.length - 1]);
        return new Layout(name, RasterGrid.of(shape[2], shape[1], lon[0] - cell / 2, north + cell / 2, cell, cell,
                CommonCRS.WGS84.normalizedGeographic()), southFirst);
    }

    /** A coordinate variable in metres, from its units (m or km). */
    private static double[] metres(NetcdfFile file, ClimateDataset dataset, String axis, int length) {
        if (!file.hasVariable(axis) || file.shape(axis).length != 1 || file.shape(axis)[0] != length || length < 2) {
            throw EemtException.input(file.location, "has no coordinate variable " + axis + " of length " + length
                    + " (at least 2)", dataset.fix());
        }
        String units = text(file, axis, "units");
        double factor = switch (units == null ? "" : units.trim().toLowerCase(Locale.ROOT)) {
            case "m", "meter", "meters", "metre", "metres" -> 1;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000;
            default -> throw EemtException.input(file.location, axis + " has units \"" + units + "\", expected m or km", dataset.fix());
        };
        double[] values = file.readAll(axis);
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    private static boolean regular(double[] values, double step) {
        return regular(values, step, 1e-6);
    }

    private static boolean regular(double[] values, double step, double tolerance) {
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - values[i - 1] - step) > tolerance * Math.abs(step)) {
                return false;
            }
        }
        return true;
    }

    /** The time axis must hold the twelve months of {@code year}, in order. */
    private static void checkMonths(NetcdfFile file, ClimateDataset dataset, String name, int year) {
        int steps = file.shape(name)[0];
        if (!file.hasVariable("time")) {
            throw EemtException.input(file.location, "has no time variable", dataset.fix());
        }
        double[] time = file.readAll("time");
        String units = text(file, "time", "units");
        LocalDate epoch = epochOf(units);
        if (epoch == null) {
            throw EemtException.input(file.location, "time has units \"" + units + "\", expected \"days since <date>\"", dataset.fix());
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
