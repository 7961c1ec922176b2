package org.eemt.job.eemt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eemt.geo.EemtException;
import org.eemt.geo.eemt.LapseRate;
import org.eemt.geo.eemt.Penman;
import org.eemt.job.stage.ClimateInput;
import picocli.CommandLine.Option;

/** The climate and EEMT parameters of {@code eemt run} (a picocli mixin of {@code RunOptions}). */
public class EemtOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    @Option(names = "--climate", paramLabel = "DIR|CSV",
            description = "Monthly climate: a directory of Daymet files (daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc for "
                    + "tmax, tmin, prcp, vp; netCDF-4 from ORNL or netCDF-3 from NetcdfSubset), of TerraClimate files "
                    + "(TerraClimate_<var>_<year>.nc for tmax, tmin, ppt, vap) or of a WorldClim 2.1 GeoTIFF stack "
                    + "(wc2.1_<res>_<var>_01.tif ... _12.tif, or 12-band wc2.1_<res>_<var>.tif, for tmax, tmin, prec, vapr; "
                    + "a climatology: give --years), or a Daymet single-pixel CSV used as a lapse-rate-corrected base station. "
                    + "Without it the run stops after terrain, solar and wetness.")
    public String climate;

    @Option(names = "--climate-elevation", paramLabel = "FILE",
            description = "Reference elevation of the gridded climate (Daymet's 1 km DEM, WorldClim's elev) as a GeoTIFF on the "
                    + "climate grid, in its CRS: z_b of the lapse-rate correction. Without it z_b is the mean elevation of the DEM "
                    + "cells inside each climate cell.")
    public String climateElevation;

    @Option(names = "--years", paramLabel = "A-B|LIST",
            description = "Years of climate to compute EEMT for, e.g. 2000-2001 or 2000,2003. Default: every year of --climate "
                    + "(a climatology such as WorldClim has none: its months serve each year given here).")
    public String years;

    @Option(names = "--lapse-rate", paramLabel = "C_PER_KM", defaultValue = "" + LapseRate.DEFAULT_CELSIUS_PER_KM,
            description = "Temperature lapse rate, °C per km. Default: ${DEFAULT-VALUE}.")
    public double lapseRateCelsiusPerKm;

    @Option(names = "--wind", paramLabel = "M_PER_S", defaultValue = "" + Penman.DEFAULT_WIND_METRES_PER_SECOND,
            description = "Wind speed at 2 m for Penman's aerodynamic resistance, m/s. Default: ${DEFAULT-VALUE}.")
    public double windMetresPerSecond;

    @Option(names = "--lai", paramLabel = "FILE",
            description = "Leaf area index GeoTIFF on the DEM's grid; with --canopy-height, adds EEMT_TOPO-VEG.")
    public String leafAreaIndex;

    @Option(names = "--canopy-height", paramLabel = "FILE",
            description = "Canopy height GeoTIFF (m) on the DEM's grid; with --lai, adds EEMT_TOPO-VEG.")
    public String canopyHeight;

    /** These options as a checked value (both or neither of {@code --lai} and {@code --canopy-height}). */
    public EemtConfig config() {
        vegetation();
        return new EemtConfig(new ClimateInput(climate, climateElevation, yearList()), lapseRateCelsiusPerKm, windMetresPerSecond,
                leafAreaIndex, canopyHeight);
    }

    /** The years of {@code --years} in order, or {@code null} when it is not given. */
    public List<Integer> yearList() {
        return years == null || years.isBlank() ? null : parseYears(years);
    }

    /** Years written as a range ({@code 2000-2001}), a list ({@code 2000,2003}) or both, in order. */
    public static List<Integer> parseYears(String years) {
        TreeSet<Integer> list = new TreeSet<>();
        try {
            for (String part : years.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    if (to < from) {
                        throw new NumberFormatException("range ends before it starts");
                    }
                    for (int y = from; y <= to; y++) {
                        list.add(y);
                    }
                } else {
                    list.add(Integer.parseInt(p));
                }
            }
        } catch (NumberFormatException e) {
            throw EemtException.input("--years " + years, "is not a year, a range or a list (" + e.getMessage() + ")",
                    "write e.g. --years 2000-2001 or --years 2000,2003");
        }
        return new ArrayList<>(list);
    }

    /** Whether EEMT_TOPO-VEG is asked for; exit-2 error when only one of its two rasters is given. */
    public boolean vegetation() {
        if ((leafAreaIndex == null) != (canopyHeight == null)) {
            throw EemtException.input(leafAreaIndex == null ? "--canopy-height" : "--lai", "is given without "
                    + (leafAreaIndex == null ? "--lai" : "--canopy-height"), "EEMT_TOPO-VEG needs both rasters; give both or neither");
        }
        return leafAreaIndex != null;
    }
}
