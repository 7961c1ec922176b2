package org.eemt.geo.climate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.storage.Storage;

/**
 * Downloads the Daymet V4 R1 monthly climate a DEM needs (ORNL DAAC data set 2131, CMR collection
 * {@code Daymet_Monthly_V4R1_2131}, concept id {@value #COLLECTION}) from NASA Earthdata Cloud's
 * OPeNDAP (Hyrax) service: tmax, tmin, prcp and vp of each year, cut to the DEM's footprint on
 * Daymet's 1 km Lambert conformal grid, as the netCDF-4 files {@code --climate} reads
 * ({@code daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc}, {@link DaymetNetcdf}).
 *
 * <p>The protocol, as the service and other clients use it:
 * <ul>
 *   <li>one granule per variable, year and region, at
 *       {@code https://opendap.earthdata.nasa.gov/collections/<concept id>/granules/<granule UR>},
 *       the granule UR being {@code Daymet_Monthly_V4R1.<file name>} (the pattern ORNL gave on
 *       the Earthdata forum, quoted in mikejohnson51/climateR-catalogs#16, for the daily set
 *       C2532426483-ORNL_CLOUD; the monthly concept id is CMR's for Daymet_Monthly_V4R1_2131);</li>
 *   <li>subsets by <em>index ranges</em> only, no bounding box: a DAP4 constraint
 *       {@code dap4.ce=/tmax[0:1:11][y0:1:y1][x0:1:x1];/x[x0:1:x1];...} with {@code [} and
 *       {@code ]} percent-encoded, answered as netCDF-4 by the {@code .dap.nc4} suffix (OPeNDAP's
 *       Hyrax DAP4 documentation; the same form in public GES DISC MERRA-2 scripts);</li>
 *   <li>Earthdata Login: {@link EarthdataLogin}.</li>
 * </ul>
 * The index ranges come from the granule's own {@code x}/{@code y} axes (fetched once per run with
 * a constraint on the coordinate variables alone) and the DEM's footprint transformed to the
 * granule's {@code grid_mapping}, plus {@value #MARGIN_CELLS} cells on each side.
 *
 * <p>Resumable: a file already in the directory that reads as twelve months of its year is kept;
 * a new file is written aside and renamed into place only after it reads back
 * ({@link HttpDownloader}). One progress line per file.
 */
public final class DaymetFetcher {
    /** CMR concept id of Daymet_Monthly_V4R1_2131 on the ORNL_CLOUD provider. */
    public static final String COLLECTION = "C2532007210-ORNL_CLOUD";
    /** The granules of the monthly collection on NASA Earthdata Cloud OPeNDAP. */
    public static final String EARTHDATA_OPENDAP = "https://opendap.earthdata.nasa.gov/collections/" + COLLECTION + "/granules";
    /** Prefix of the monthly granule URs. */
    static final String GRANULE_PREFIX = "Daymet_Monthly_V4R1.";
    /** Daymet cells added around the DEM's footprint on each side. */
    static final int MARGIN_CELLS = 2;
    private static final String GRID_MAPPING = "lambert_conformal_conic";

    private final String baseUrl;
    private final String region;
    private final HttpDownloader http;

    /**
     * @param baseUrl    the granules URL, {@link #EARTHDATA_OPENDAP} for NASA's
     * @param region     Daymet region: na, hi or pr
     * @param login      Earthdata credentials
     * @param attempts   tries per request before giving up (at least 1)
     * @param firstPause pause after the first failure; doubled after each further one
     */
    public DaymetFetcher(String baseUrl, String region, EarthdataLogin login, int attempts, Duration firstPause) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.region = region;
        this.http = new HttpDownloader("fetch-daymet", login, attempts, firstPause);
    }

    /** Fetches every variable of every year into {@code directory}; returns the files downloaded (not kept). */
    public int fetch(RasterGrid dem, List<Integer> years, String directory, PrintStream progress) {
        int total = years.size() * ClimateVariable.values().length;
        int done = 0;
        int downloaded = 0;
        long bytes = 0;
        int[] ranges = null;
        for (int year : years) {
            for (ClimateVariable v : ClimateVariable.values()) {
                done++;
                String name = fileName(v, year);
                String target = Storage.child(directory, name);
                String prefix = String.format(Locale.ROOT, "fetch-daymet: %d/%d %s", done, total, name);
                if (complete(target, v, year)) {
                    progress.println(prefix + ": already here, kept");
                    continue;
                }
                if (ranges == null) {
                    ranges = indexRanges(dem, name, progress);
                    progress.println(String.format(Locale.ROOT, "fetch-daymet: DEM footprint plus %d cells = Daymet %s columns %d-%d, rows %d-%d",
                            MARGIN_CELLS, region, ranges[0], ranges[1], ranges[2], ranges[3]));
                }
                String url = granule(name) + ".dap.nc4?dap4.ce=" + encode(constraint(v, ranges));
                long size = http.save(url, target, name, part -> {
                    if (!complete(part, v, year)) {
                        throw EemtException.environment(url, "returned a file that is not 12 months of " + v.daymetName() + " in " + year
                                + " on a Daymet grid", "check --base-url (the Daymet V4 R1 monthly granules) and --years");
                    }
                }, progress);
                downloaded++;
                bytes += size;
                progress.println(String.format(Locale.ROOT, "%s: %.1f kB, %.1f kB so far", prefix, size / 1e3, bytes / 1e3));
            }
        }
        return downloaded;
    }

    /** ORNL's file name of one variable and year (also the granule UR without its prefix). */
    String fileName(ClimateVariable v, int year) {
        return "daymet_v4_" + v.daymetName() + "_" + v.aggregation() + "_" + region + "_" + year + ".nc";
    }

    private String granule(String name) {
        return baseUrl + "/" + GRANULE_PREFIX + name;
    }

    /**
     * {first column, last column, first row, last row} of the granule's cells under the DEM's
     * footprint plus the margin, from the granule's x/y axes and grid mapping.
     */
    int[] indexRanges(RasterGrid dem, String name, PrintStream progress) {
        String url = granule(name) + ".dap.nc4?dap4.ce=" + encode("/x;/y;/" + GRID_MAPPING);
        byte[] axes = http.get(url, name + " x/y axes", progress);
        Path local = null;
        try {
            local = Files.createTempFile("daymet-axes", ".nc");
            Files.write(local, axes);
            try (NetcdfFile file = NetcdfFile.open(local.toString())) {
                LambertConformal projection = file.hasVariable(GRID_MAPPING) ? LambertConformal.fromGridMapping(file, GRID_MAPPING) : null;
                if (projection == null || !file.hasVariable("x") || !file.hasVariable("y")) {
                    throw EemtException.environment(url, "did not answer the x/y axes and the " + GRID_MAPPING + " mapping of a Daymet granule",
                            "check --base-url (the Daymet V4 R1 monthly granules)");
                }
                double[] x = file.readAll("x");
                double[] y = file.readAll("y");
                double[] box = CellCoordinates.footprint(dem, projection.crs());
                int[] columns = cover(x, box[0], box[2]);
                int[] rows = cover(y, box[1], box[3]);
                if (columns == null || rows == null) {
                    throw EemtException.input("DEM " + dem.describe(), "lies outside Daymet's region " + region,
                            "Daymet covers North America (na), Hawaii (hi) and Puerto Rico (pr); elsewhere use fetch-terraclimate");
                }
                return new int[] {columns[0], columns[1], rows[0], rows[1]};
            }
        } catch (IOException e) {
            throw EemtException.environment(url, "axes cannot be kept in a temporary file (" + e.getMessage() + ")", "free space in java.io.tmpdir");
        } finally {
            if (local != null) {
                local.toFile().delete();
            }
        }
    }

    /**
     * The first and last index of the cells of the (regular) centre axis {@code axis} that
     * overlap [{@code low}, {@code high}], widened by the margin and clamped; {@code null} when
     * none do.
     */
    static int[] cover(double[] axis, double low, double high) {
        double step = Math.abs(axis[1] - axis[0]);
        int first = -1;
        int last = -1;
        for (int i = 0; i < axis.length; i++) {
            if (axis[i] + step / 2 > low && axis[i] - step / 2 < high) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        return new int[] {Math.max(0, Math.min(first, last) - MARGIN_CELLS), Math.min(axis.length - 1, Math.max(first, last) + MARGIN_CELLS)};
    }

    /** The DAP4 constraint of one variable's twelve months on the index ranges, with its coordinates and mapping. */
    static String constraint(ClimateVariable v, int[] r) {
        String x = "[" + r[0] + ":1:" + r[1] + "]";
        String y = "[" + r[2] + ":1:" + r[3] + "]";
        return "/" + v.daymetName() + "[0:1:11]" + y + x + ";/time[0:1:11];/y" + y + ";/x" + x + ";/" + GRID_MAPPING;
    }

    /** Percent-encodes what a URL query must not carry raw ({@code [ ] } and spaces); keeps {@code / : ;}. */
    static String encode(String constraint) {
        return constraint.replace("%", "%25").replace("[", "%5B").replace("]", "%5D").replace(" ", "%20");
    }

    /** Whether a file exists and reads as the twelve months of {@code year} of {@code v}. */
    private static boolean complete(String location, ClimateVariable v, int year) {
        try {
            if (!Storage.exists(location)) {
                return false;
            }
            RasterGrid grid = DaymetNetcdf.grid(location, v);
            DaymetNetcdf.read(location, v, year, new PixelWindow(0, 0, 1, 1));
            return grid.columns() > 0;
        } catch (EemtException | IOException e) {
            return false;
        }
    }
}
