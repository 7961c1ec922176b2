package org.eemt.geo.climate;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.storage.Storage;

/**
 * Downloads TerraClimate (Abatzoglou et al. 2018, Sci. Data 5:170191; global, 1/24°, monthly,
 * 1958 on) for a DEM's box from the THREDDS server of the Northwest Knowledge Network: the yearly
 * files {@code TERRACLIMATE_ALL/data/TerraClimate_<var>_<year>.nc} (the same names as the
 * server's fileServer downloads) through its NetcdfSubset service
 * ({@code ?var=&north=&west=&east=&south=&disableProjSubset=on&horizStride=1&time_start=&time_end=&accept=netcdf},
 * the query form of the Climatology Lab's own {@code terraclimate_ncss_subset.sh}).
 *
 * <p>Writes {@code TerraClimate_<var>_<year>.nc} for tmax, tmin (°C), ppt (mm month⁻¹) and vap
 * (kPa) as the server answers them (short values with scale_factor/add_offset/_FillValue, latitude
 * descending, 12 time steps), cut to the DEM's latitude/longitude box plus {@value #MARGIN_CELLS}
 * cells. Public service, no login. Resumable; each file is checked (its variable, 12 months, a
 * lat/lon grid that covers the DEM) before it is renamed into place ({@link HttpDownloader}).
 */
public final class TerraClimateFetcher {
    /** The NetcdfSubset directory of the yearly TerraClimate files. */
    public static final String NKN_NCSS = "http://thredds.northwestknowledge.net:8080/thredds/ncss/TERRACLIMATE_ALL/data";
    /** The four variables EEMT needs, by their TerraClimate names. */
    public static final List<String> VARIABLES = List.of("tmax", "tmin", "ppt", "vap");
    /** TerraClimate's cell size (°). */
    static final double CELL_DEGREES = 1.0 / 24;
    static final int MARGIN_CELLS = 2;

    private final String baseUrl;
    private final HttpDownloader http;

    /** @see DaymetFetcher#DaymetFetcher for the retry parameters */
    public TerraClimateFetcher(String baseUrl, int attempts, Duration firstPause) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = new HttpDownloader("fetch-terraclimate", null, attempts, firstPause);
    }

    /** Fetches every variable of every year into {@code directory}; returns the files downloaded (not kept). */
    public int fetch(RasterGrid dem, List<Integer> years, String directory, PrintStream progress) {
        double[] box = CellCoordinates.footprint(dem, CommonCRS.WGS84.normalizedGeographic());
        double margin = MARGIN_CELLS * CELL_DEGREES;
        int total = years.size() * VARIABLES.size();
        int done = 0;
        int downloaded = 0;
        long bytes = 0;
        for (int year : years) {
            for (String v : VARIABLES) {
                done++;
                String name = "TerraClimate_" + v + "_" + year + ".nc";
                String target = Storage.child(directory, name);
                String prefix = String.format(Locale.ROOT, "fetch-terraclimate: %d/%d %s", done, total, name);
                if (problem(target, v, box) == null) {
                    progress.println(prefix + ": already here, kept");
                    continue;
                }
                String url = String.format(Locale.ROOT, "%s/%s?var=%s&north=%.4f&west=%.4f&east=%.4f&south=%.4f&disableProjSubset=on"
                                + "&horizStride=1&time_start=%d-01-01T00:00:00Z&time_end=%d-12-31T23:59:59Z&timeStride=1&accept=netcdf",
                        baseUrl, name, v, Math.min(90, box[3] + margin), Math.max(-180, box[0] - margin), Math.min(180, box[2] + margin),
                        Math.max(-90, box[1] - margin), year, year);
                long size = http.save(url, target, name, part -> {
                    String problem = problem(part, v, box);
                    if (problem != null) {
                        throw EemtException.environment(url, "returned a file that " + problem,
                                "check --base-url (the TerraClimate NetcdfSubset directory) and --years (1958 on)");
                    }
                }, progress);
                downloaded++;
                bytes += size;
                progress.println(String.format(Locale.ROOT, "%s: %.1f kB, %.1f kB so far", prefix, size / 1e3, bytes / 1e3));
            }
        }
        return downloaded;
    }

    /**
     * Why the file is not a TerraClimate year of {@code variable} over {@code box} (lon/lat
     * degrees), or {@code null} when it is.
     */
    static String problem(String location, String variable, double[] box) {
        try {
            if (!Storage.exists(location)) {
                return "is missing";
            }
        } catch (IOException e) {
            return "cannot be read";
        }
        try (NetcdfFile file = NetcdfFile.open(location)) {
            if (!file.hasVariable(variable) || !file.hasVariable("lat") || !file.hasVariable("lon")) {
                return "has no " + variable + " on lat/lon";
            }
            int[] shape = file.shape(variable);
            if (shape.length != 3 || shape[0] != 12) {
                return "does not hold 12 months of " + variable;
            }
            double[] lat = file.readAll("lat");
            double[] lon = file.readAll("lon");
            double half = CELL_DEGREES / 2;
            double south = Math.min(lat[0], lat[lat.length - 1]) - half;
            double north = Math.max(lat[0], lat[lat.length - 1]) + half;
            double west = Math.min(lon[0], lon[lon.length - 1]) - half;
            double east = Math.max(lon[0], lon[lon.length - 1]) + half;
            if (south > box[1] || north < box[3] || west > box[0] || east < box[2]) {
                return "does not cover the DEM's box";
            }
            return null;
        } catch (EemtException e) {
            return "cannot be read as netCDF";
        }
    }
}
