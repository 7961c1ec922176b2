package org.eemt.geo.climate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gridded monthly climate datasets {@code --climate} reads, recognised by their published
 * file names (README, "Climate" and "Climate beyond Daymet"):
 * <ul>
 * <li>Daymet V4 monthly (ORNL DAAC, doi:10.3334/ORNLDAAC/2131): {@code daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc}
 *     (or NetcdfSubset {@code .tif}), Lambert conformal conic, one file per variable and year;</li>
 * <li>TerraClimate (Abatzoglou et al. 2018, doi:10.1038/sdata.2017.191):
 *     {@code TerraClimate_<var>_<year>.nc}, CF netCDF on a 1/24° latitude/longitude grid;</li>
 * <li>WorldClim 2.1 (Fick and Hijmans 2017, doi:10.1002/joc.5086) monthly climatology:
 *     {@code wc2.1_<resolution>_<var>_<MM>.tif} (one GeoTIFF per month) or {@code wc2.1_<resolution>_<var>.tif}
 *     (12 bands), any CRS; no year.</li>
 * </ul>
 * Values in netCDF are read by the CF attributes of the variable; GeoTIFF carries no units, so the
 * dataset's published units apply ({@link #geoTiffUnits}).
 */
public enum ClimateDataset {
    DAYMET("Daymet", Pattern.compile(
            "daymet_(?:v\\d+_)?(?:ncss_)?(tmax|tmin|prcp|vp)_(?:monavg|monttl)_(?:[a-z0-9]+_)?(\\d{4})\\.(?:nc|tif|tiff)"),
            new String[] {"tmax", "tmin", "prcp", "vp"}, new String[] {"degC", "degC", "mm", "Pa"},
            "put daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc for tmax, tmin, prcp and vp "
                    + "of every year in the directory (eemt fetch-daymet downloads them)"),
    TERRACLIMATE("TerraClimate", Pattern.compile("TerraClimate_(tmax|tmin|ppt|vap)_(\\d{4})\\.nc"),
            new String[] {"tmax", "tmin", "ppt", "vap"}, null,
            "put TerraClimate_<var>_<year>.nc for tmax, tmin, ppt and vap of every year in the directory "
                    + "(as climatologylab.org publishes them)"),
    // group 1 the variable, group 2 the year (empty: a climatology), group 3 the month of a one-band file
    WORLDCLIM("WorldClim", Pattern.compile("wc2\\.1_[0-9a-z.]+_(tmax|tmin|prec|vapr)()(?:_(\\d{2}))?\\.tiff?"),
            new String[] {"tmax", "tmin", "prec", "vapr"}, new String[] {"degC", "degC", "mm", "kPa"},
            "put the WorldClim 2.1 monthly GeoTIFFs wc2.1_<res>_<var>_01.tif ... _12.tif (or one 12-band "
                    + "wc2.1_<res>_<var>.tif) of tmax, tmin, prec and vapr in the directory");

    /** A recognised file name: its variable, year (0 for a climatology) and month (1-12, or 0: all twelve inside). */
    record FileName(ClimateVariable variable, int year, int month) {
    }

    private final String title;
    private final Pattern fileName;
    private final String[] names;
    private final String[] geoTiffUnits;
    private final String fix;

    ClimateDataset(String title, Pattern fileName, String[] names, String[] geoTiffUnits, String fix) {
        this.title = title;
        this.fileName = fileName;
        this.names = names;
        this.geoTiffUnits = geoTiffUnits;
        this.fix = fix;
    }

    /** The dataset's name, e.g. TerraClimate. */
    public String title() {
        return title;
    }

    /** The variable's name in the dataset's files, e.g. ppt for TerraClimate's precipitation. */
    String nameOf(ClimateVariable v) {
        return names[v.ordinal()];
    }

    /** The units of the variable's values in the dataset's GeoTIFFs (which carry none), or {@code null}: no GeoTIFFs. */
    String geoTiffUnits(ClimateVariable v) {
        return geoTiffUnits == null ? null : geoTiffUnits[v.ordinal()];
    }

    /** A climatology (no year in its files): the same months serve every year of {@code --years}. */
    boolean climatology() {
        return this == WORLDCLIM;
    }

    /** Only Daymet comes on its Lambert conformal conic grid; the others on any CRS. */
    boolean lambertConformalOnly() {
        return this == DAYMET;
    }

    /** How to get a complete set of files, for error lines. */
    String fix() {
        return fix;
    }

    /** What the name says, or {@code null} when it is not one of this dataset's file names. */
    FileName parse(String name) {
        Matcher m = fileName.matcher(name);
        if (!m.matches()) {
            return null;
        }
        String var = m.group(1).toLowerCase(Locale.ROOT);
        ClimateVariable variable = null;
        for (ClimateVariable v : ClimateVariable.values()) {
            if (nameOf(v).equals(var)) {
                variable = v;
            }
        }
        int year = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
        int month = m.groupCount() >= 3 && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        if (m.groupCount() >= 3 && m.group(3) != null && (month < 1 || month > 12)) {
            return null;
        }
        return new FileName(variable, year, month);
    }
}
