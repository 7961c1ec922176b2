package org.eemt.geo.climate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.storage.Storage;

/**
 * The monthly files of one gridded climate dataset ({@link ClimateDataset}) in a directory, by
 * variable and year: one file per variable and year holding the twelve months (netCDF, or a
 * 12-band GeoTIFF), or twelve single-band GeoTIFFs, one per month (a WorldClim stack). A
 * climatology's files have no year: they serve every year asked for.
 *
 * <p>Grids come back north up; a latitude/longitude grid's cell size and origin are snapped to
 * 1/n degree when the file's coordinates are within float precision of it, so that the same grid
 * written by two tools (TerraClimate's double coordinates, GDAL's geotransform) is the same grid.
 */
final class ClimateFiles {
    private final String directory;
    private final ClimateDataset dataset;
    /** variable_year (year 0 for a climatology) to one file (12 months inside) or twelve (January first). */
    private final Map<String, String[]> files;

    private ClimateFiles(String directory, ClimateDataset dataset, Map<String, String[]> files) {
        this.directory = directory;
        this.dataset = dataset;
        this.files = files;
    }

    /** The dataset files of {@code directory}; Daymet's when it holds none (its messages then say what is missing). */
    static ClimateFiles in(String directory) {
        List<String> names;
        try {
            if (!Storage.exists(directory) || !Storage.status(directory).isDirectory()) {
                throw EemtException.input(directory, "is not a directory of climate files", ClimateDataset.DAYMET.fix());
            }
            names = new ArrayList<>(Storage.list(directory));
        } catch (IOException e) {
            throw EemtException.input(directory, "cannot be listed (" + e.getMessage() + ")", "check the path and its permissions", e);
        }
        names.sort(null);
        ClimateDataset found = null;
        for (String name : names) {
            for (ClimateDataset d : ClimateDataset.values()) {
                if (d.parse(name) != null && d != found) {
                    if (found != null) {
                        throw EemtException.input(directory, "holds files of two datasets, " + found.title() + " and " + d.title()
                                + " (" + name + ")", "keep one dataset per directory");
                    }
                    found = d;
                }
            }
        }
        ClimateDataset dataset = found == null ? ClimateDataset.DAYMET : found;
        Map<String, String[]> files = new HashMap<>();
        for (String name : names) {
            ClimateDataset.FileName f = dataset.parse(name);
            if (f == null) {
                continue;
            }
            String key = key(f.variable(), f.year());
            String[] slot = files.computeIfAbsent(key, k -> new String[f.month() == 0 ? 1 : 12]);
            int index = f.month() == 0 ? 0 : f.month() - 1;
            if ((f.month() == 0) != (slot.length == 1) || slot[index] != null) {
                throw EemtException.input(directory, "has two " + dataset.nameOf(f.variable()) + " files for "
                        + (f.year() == 0 ? "" : f.year() + " ") + (f.month() == 0 ? "all months" : "month " + f.month())
                        + " (" + name + " and another)", "keep one file per variable, year and month");
            }
            slot[index] = Storage.child(directory, name);
        }
        for (Map.Entry<String, String[]> e : files.entrySet()) {
            List<String> months = Arrays.asList(e.getValue());
            if (months.contains(null)) {
                throw EemtException.input(directory, "has " + months.stream().filter(java.util.Objects::nonNull).count()
                        + " of the 12 monthly files of " + months.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow()
                        .replaceAll(".*/", "").replaceAll("_\\d\\d\\.tiff?$", ""), dataset.fix());
            }
        }
        return new ClimateFiles(directory, dataset, files);
    }

    ClimateDataset dataset() {
        return dataset;
    }

    /** The years for which all four variables are there, in order (a climatology has none: give --years). */
    List<Integer> years() {
        if (dataset.climatology()) {
            throw EemtException.input(directory, "is a " + dataset.title() + " climatology (monthly means with no year)",
                    "give --years to name the years the products stand for (e.g. --years 2000): the same months serve each");
        }
        TreeMap<Integer, Integer> variables = new TreeMap<>();
        for (String key : files.keySet()) {
            variables.merge(Integer.parseInt(key.substring(key.indexOf('_') + 1)), 1, Integer::sum);
        }
        List<Integer> years = new ArrayList<>();
        variables.forEach((year, count) -> {
            if (count == ClimateVariable.values().length) {
                years.add(year);
            }
        });
        return years;
    }

    /** The grid of a variable's file(s) for {@code year}, north up; an exit-2 error when they are missing or disagree. */
    RasterGrid grid(ClimateVariable v, int year) {
        String[] paths = paths(v, year);
        RasterGrid grid = null;
        for (String path : paths) {
            RasterGrid g = isGeoTiff(path) ? MonthlyGeoTiff.grid(path) : MonthlyNetcdf.grid(path, dataset, v);
            if (dataset.lambertConformalOnly()) {
                MonthlyGeoTiff.daymetProjection(path, g);
            }
            g = snapped(g);
            if (grid != null && !sameGrid(grid, g)) {
                throw EemtException.input(path, "is on another grid than " + paths[0] + " (" + g.describe() + " vs "
                        + grid.describe() + ")", "give the twelve months on one grid");
            }
            grid = grid == null ? g : grid;
        }
        return grid;
    }

    /** The twelve months of {@code v} on {@code window} in the held units; {@code year} is the calendar year. */
    MonthlyGrid read(ClimateVariable v, int year, PixelWindow window) {
        String[] paths = paths(v, year);
        if (!isGeoTiff(paths[0])) {
            return MonthlyNetcdf.read(paths[0], dataset, v, year, window);
        }
        float[][] months = new float[12][];
        if (paths.length == 1) {
            months = MonthlyGeoTiff.readMonths(paths[0], window).months();
        } else {
            for (int m = 0; m < 12; m++) {
                months[m] = MonthlyGeoTiff.readBand1(paths[m], window);
            }
        }
        String units = dataset.geoTiffUnits(v);
        for (int m = 0; m < 12; m++) {
            months[m] = v.toHeldUnit(months[m], paths[paths.length == 1 ? 0 : m], dataset.nameOf(v), units, year, m);
        }
        return new MonthlyGrid(grid(v, year).window(window), months);
    }

    /** The CRS and cell numbers of two grids agree (to a millimetre, or a millionth of a cell in degrees). */
    static boolean sameGrid(RasterGrid a, RasterGrid b) {
        double origin = a.geographic() ? 1e-6 * a.cellWidth() : 1e-3;
        double cell = a.geographic() ? 1e-9 : 1e-6;
        return a.columns() == b.columns() && a.rows() == b.rows()
                && Math.abs(a.originX() - b.originX()) < origin && Math.abs(a.originY() - b.originY()) < origin
                && Math.abs(a.cellWidth() - b.cellWidth()) < cell && Math.abs(a.cellHeight() - b.cellHeight()) < cell
                && sameCrs(a, b);
    }

    /** The same CRS: the same Lambert conformal parameters, or SIS finds the CRSs equal ignoring metadata. */
    static boolean sameCrs(RasterGrid a, RasterGrid b) {
        LambertConformal la = LambertConformal.fromCrs(a.crs());
        LambertConformal lb = LambertConformal.fromCrs(b.crs());
        if (la != null || lb != null) {
            return la != null && lb != null && la.sameAs(lb);
        }
        return org.apache.sis.util.Utilities.equalsIgnoreMetadata(a.crs(), b.crs());
    }

    /**
     * A latitude/longitude grid with its cell size snapped to 1/n degree and its origin to a whole
     * number of cells, when within 1e-4 (cell size) and 1 % of a cell (origin) of them; other grids as they are.
     */
    static RasterGrid snapped(RasterGrid g) {
        if (!g.geographic() || Math.abs(g.cellWidth() - g.cellHeight()) > 1e-4 * g.cellWidth()) {
            return g;
        }
        double perDegree = Math.rint(1 / g.cellWidth());
        if (perDegree < 1 || Math.abs(g.cellWidth() * perDegree - 1) > 1e-4) {
            return g;
        }
        double x = Math.rint(g.originX() * perDegree);
        double y = Math.rint(g.originY() * perDegree);
        if (Math.abs(g.originX() * perDegree - x) > 0.01 || Math.abs(g.originY() * perDegree - y) > 0.01) {
            return g;
        }
        return new RasterGrid(g.columns(), g.rows(), x / perDegree, y / perDegree, 1 / perDegree, 1 / perDegree,
                g.crsCode(), g.crsWkt(), true, g.semiMajorAxisMetres(), g.inverseFlattening());
    }

    private String[] paths(ClimateVariable v, int year) {
        String[] paths = files.get(key(v, dataset.climatology() ? 0 : year));
        if (paths == null) {
            String expected = switch (dataset) {
                case DAYMET -> "daymet_v4_" + v.daymetName() + "_" + v.aggregation() + "_<region>_" + year + ".nc";
                case TERRACLIMATE -> "TerraClimate_" + dataset.nameOf(v) + "_" + year + ".nc";
                case WORLDCLIM -> "wc2.1_<res>_" + dataset.nameOf(v) + "_01.tif ... _12.tif";
            };
            throw EemtException.input(directory, "has no " + dataset.nameOf(v) + " file"
                    + (dataset.climatology() ? "" : " for " + year) + " (expected " + expected + ")", dataset.fix());
        }
        return paths;
    }

    private static String key(ClimateVariable v, int year) {
        return v.daymetName() + "_" + year;
    }

    private static boolean isGeoTiff(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return f.endsWith(".tif") || f.endsWith(".tiff");
    }
}
