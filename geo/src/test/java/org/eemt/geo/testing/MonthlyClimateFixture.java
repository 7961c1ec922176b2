package org.eemt.geo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Monthly climate files as TerraClimate and WorldClim publish them, written at test time with the
 * tools users' files come from: {@code ncgen} (TerraClimate: CF netCDF, {@code short} values packed
 * with {@code scale_factor}/{@code add_offset}, {@code _FillValue} and {@code missing_value},
 * latitude descending, dimensions (time, lat, lon)) and {@code gdal_translate} (a WorldClim-style
 * GeoTIFF stack of the same numbers, unpacked to Float32).
 *
 * <p>The grid is 1/24° (TerraClimate's) over the Peru test DEM (78.32–78.28 °W, 9.62–9.65 °S) with a
 * margin: 12 columns from 78.5 °W, 9 rows from 9.5 °S. Values are plausible for the western Andean
 * slope at a few hundred metres: T_max 21–27 °C, a rainy season January–April, vapour pressure
 * 1.2–2 kPa; they vary by month and across cells. Column 0 is fill (the sea, as in TerraClimate).
 */
public final class MonthlyClimateFixture {
    /** Cells per degree of the grid. */
    public static final int PER_DEGREE = 24;
    public static final double WEST = -78.5;
    public static final double NORTH = -9.5;
    public static final int COLUMNS = 12;
    public static final int ROWS = 9;
    /** TerraClimate's variable names, in the order tmax, tmin, precipitation, vapour pressure. */
    public static final List<String> TERRACLIMATE = List.of("tmax", "tmin", "ppt", "vap");
    /** WorldClim 2.1's names of the same four. */
    public static final List<String> WORLDCLIM = List.of("tmax", "tmin", "prec", "vapr");
    private static final String[] UNITS = {"degC", "degC", "mm", "kPa"};
    private static final String[] STANDARD_NAMES = {"air_temperature", "air_temperature", "precipitation_amount",
        "water_vapor_partial_pressure_in_air"};
    private static final double[] SCALE = {0.01, 0.01, 0.1, 0.001};
    private static final double[] OFFSET = {20, 10, 0, 0};
    private static final short FILL = -32768;

    private MonthlyClimateFixture() {
    }

    /** The packed value of variable {@code v} (index in {@link #TERRACLIMATE}), month 0-11, row (north first), column. */
    public static short packed(int v, int month, int row, int column) {
        if (column == 0) {
            return FILL;
        }
        double season = Math.cos(2 * Math.PI * month / 12.0);
        double tmax = 24.0 + 3.0 * season - 0.35 * column + 0.15 * row;
        double value = switch (v) {
            case 0 -> tmax;
            case 1 -> tmax - 9.0 - 1.5 * Math.sin(2 * Math.PI * month / 12.0);
            case 2 -> Math.max(0, 70 * Math.cos(2 * Math.PI * (month - 1.5) / 12.0) + 35) + 2.0 * column + row;
            default -> 1.6 + 0.35 * season - 0.03 * column + 0.01 * row;
        };
        return (short) Math.round((value - OFFSET[v]) / SCALE[v]);
    }

    /** The value a CF reader unpacks: {@code packed * scale_factor + add_offset} in double, as float; NaN for fill. */
    public static float unpacked(int v, int month, int row, int column) {
        short s = packed(v, month, row, column);
        return s == FILL ? Float.NaN : (float) (s * SCALE[v] + OFFSET[v]);
    }

    /** The unit of variable {@code v} in the files (TerraClimate's and WorldClim's: °C, mm month-1, kPa). */
    public static String units(int v) {
        return UNITS[v];
    }

    /**
     * Writes {@code TerraClimate_<var>_<year>.nc} for the four variables with {@code ncgen -k kind}
     * ({@code nc7}: netCDF-4 classic model, as the published files; {@code classic}: netCDF-3, as
     * NetcdfSubset may return), latitude descending or (for the reader's test) ascending.
     */
    public static void terraClimate(Path dir, int year, String kind, boolean latitudeAscending)
            throws IOException, InterruptedException {
        for (int v = 0; v < 4; v++) {
            String name = TERRACLIMATE.get(v);
            Path nc = dir.resolve("TerraClimate_" + name + "_" + year + ".nc");
            String attributes = "  " + name + ":long_name = \"" + name + "\" ;\n"
                    + "  " + name + ":standard_name = \"" + STANDARD_NAMES[v] + "\" ;\n"
                    + "  " + name + ":units = \"" + UNITS[v] + "\" ;\n"
                    + "  " + name + ":scale_factor = " + SCALE[v] + " ;\n"
                    + "  " + name + ":add_offset = " + (double) OFFSET[v] + " ;\n"
                    + "  " + name + ":_FillValue = " + FILL + "s ;\n"
                    + "  " + name + ":missing_value = " + FILL + "s ;\n";
            StringBuilder values = new StringBuilder();
            for (int m = 0; m < 12; m++) {
                for (int r = 0; r < ROWS; r++) {
                    int row = latitudeAscending ? ROWS - 1 - r : r;
                    for (int c = 0; c < COLUMNS; c++) {
                        values.append(values.length() == 0 ? "" : ", ").append(packed(v, m, row, c));
                    }
                }
            }
            ncgen(dir, nc, kind, cdl(name, "short", year, attributes, values.toString(), latitudeAscending));
        }
    }

    /**
     * Writes a WorldClim 2.1-style stack of the same numbers: {@code wc2.1_2.5m_<var>_01.tif} ...
     * {@code _12.tif} (or one 12-band {@code wc2.1_2.5m_<var>.tif}) per variable, Float32, made by
     * {@code gdal_translate} from a float netCDF of the unpacked values (as a user converts a file),
     * in EPSG:4326 as WorldClim's files are.
     */
    public static void worldClim(Path dir, boolean twelveBands) throws IOException, InterruptedException {
        ExternalTool.require("gdal_translate");
        Path work = Files.createDirectories(dir.resolve("netcdf"));
        for (int v = 0; v < 4; v++) {
            String name = WORLDCLIM.get(v);
            StringBuilder values = new StringBuilder();
            for (int m = 0; m < 12; m++) {
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < COLUMNS; c++) {
                        float f = unpacked(v, m, r, c);
                        values.append(values.length() == 0 ? "" : ", ")
                                .append(Float.isNaN(f) ? "_" : String.format(Locale.ROOT, "%.17g", (double) f));
                    }
                }
            }
            Path nc = work.resolve(name + ".nc");
            ncgen(work, nc, "nc7", cdl(name, "float", 1970, "  " + name + ":_FillValue = -3.4e+38f ;\n", values.toString(), false));
            String source = "NETCDF:\"" + nc + "\":" + name;
            if (twelveBands) {
                ExternalTool.run(dir, List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:4326", source,
                        dir.resolve("wc2.1_2.5m_" + name + ".tif").toString()));
            } else {
                for (int m = 1; m <= 12; m++) {
                    ExternalTool.run(dir, List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:4326", "-b", "" + m, source,
                            dir.resolve(String.format(Locale.ROOT, "wc2.1_2.5m_%s_%02d.tif", name, m)).toString()));
                }
            }
        }
        ExternalTool.run(dir, List.of("rm", "-r", work.toString()));
    }

    /**
     * A single-band GeoTIFF on the same grid made by gdal_translate (as WorldClim's {@code wc2.1_2.5m_elev.tif}):
     * {@code elevation(row, column)} metres, written from a float netCDF.
     */
    public static Path elevation(Path dir, java.util.function.IntBinaryOperator metres) throws IOException, InterruptedException {
        ExternalTool.require("gdal_translate");
        StringBuilder values = new StringBuilder();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                values.append(values.length() == 0 ? "" : ", ").append(metres.applyAsInt(r, c));
            }
        }
        String cdl = "netcdf elev {\ndimensions:\n lat = " + ROWS + " ;\n lon = " + COLUMNS + " ;\nvariables:\n"
                + coordinates() + " float elev(lat, lon) ;\n  elev:units = \"m\" ;\n"
                + "data:\n" + coordinateValues(false) + " elev = " + values + " ;\n}\n";
        Path nc = dir.resolve("elev.nc");
        ncgen(dir, nc, "nc7", cdl);
        Path tif = dir.resolve("wc2.1_2.5m_elev.tif");
        ExternalTool.run(dir, List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:4326", "NETCDF:\"" + nc + "\":elev", tif.toString()));
        Files.delete(nc);
        return tif;
    }

    private static String cdl(String name, String type, int year, String attributes, String values, boolean latitudeAscending) {
        StringBuilder time = new StringBuilder();
        for (int m = 0; m < 12; m++) {
            long days = LocalDate.of(year, m + 1, 1).toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay();
            time.append(m == 0 ? "" : ", ").append(days);
        }
        return "netcdf " + name + " {\ndimensions:\n time = 12 ;\n lat = " + ROWS + " ;\n lon = " + COLUMNS + " ;\n"
                + "variables:\n"
                + coordinates()
                + " double time(time) ;\n  time:units = \"days since 1900-01-01 00:00:00\" ;\n  time:calendar = \"gregorian\" ;\n"
                + " " + type + " " + name + "(time, lat, lon) ;\n" + attributes
                + "\n// global attributes:\n  :Conventions = \"CF-1.6\" ;\n"
                + "data:\n" + coordinateValues(latitudeAscending) + " time = " + time + " ;\n " + name + " = " + values + " ;\n}\n";
    }

    private static String coordinates() {
        return " double lat(lat) ;\n  lat:units = \"degrees_north\" ;\n  lat:standard_name = \"latitude\" ;\n"
                + " double lon(lon) ;\n  lon:units = \"degrees_east\" ;\n  lon:standard_name = \"longitude\" ;\n";
    }

    private static String coordinateValues(boolean latitudeAscending) {
        List<String> lat = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            int row = latitudeAscending ? ROWS - 1 - r : r;
            lat.add(String.format(Locale.ROOT, "%.17g", NORTH - (row + 0.5) / PER_DEGREE));
        }
        List<String> lon = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            lon.add(String.format(Locale.ROOT, "%.17g", WEST + (c + 0.5) / PER_DEGREE));
        }
        return " lat = " + String.join(", ", lat) + " ;\n lon = " + String.join(", ", lon) + " ;\n";
    }

    private static void ncgen(Path dir, Path nc, String kind, String cdl) throws IOException, InterruptedException {
        ExternalTool.require("ncgen");
        Path cdlFile = Files.writeString(dir.resolve(nc.getFileName() + ".cdl"), cdl);
        ExternalTool.run(dir, List.of("ncgen", "-k", kind, "-o", nc.toString(), cdlFile.toString()));
        Files.delete(cdlFile);
    }
}
