package org.eemt.geo.climate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.storage.Storage;

/**
 * Downloads the Daymet V4 monthly climate a DEM needs from a THREDDS NetcdfSubset service (ORNL
 * DAAC data set 2131): tmax, tmin, prcp and vp for each year, cut to the DEM's latitude/longitude
 * bounding box plus a margin, as netCDF-3 files named like ORNL's
 * ({@code daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc}), ready for {@code --climate}.
 *
 * <p>Resumable: a file already in the directory that reads as twelve months of its year is kept.
 * Each file is written aside and renamed into place only after it reads back. A request that fails
 * (connection error, HTTP 429 or 5xx) is retried with a growing pause; other HTTP errors stop with
 * an exit-2 message, exhausted retries with an exit-3 one. One progress line per file.
 */
public final class DaymetFetcher {
    /** ORNL DAAC's NetcdfSubset endpoint of Daymet V4 R1 monthly summaries. */
    public static final String ORNL_NCSS = "https://thredds.daac.ornl.gov/thredds/ncss/ornldaac/2131";
    /** Degrees added around the DEM's bounding box: two 1 km Daymet cells and more. */
    static final double MARGIN_DEGREES = 0.03;

    private final String baseUrl;
    private final String region;
    private final int attempts;
    private final Duration firstPause;
    private final HttpClient http;

    /**
     * @param baseUrl    the NetcdfSubset endpoint, {@link #ORNL_NCSS} for ORNL
     * @param region     Daymet region: na, hi or pr
     * @param attempts   tries per file before giving up (at least 1)
     * @param firstPause pause after the first failure; doubled after each further one
     */
    public DaymetFetcher(String baseUrl, String region, int attempts, Duration firstPause) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.region = region;
        this.attempts = Math.max(1, attempts);
        this.firstPause = firstPause;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Fetches every variable of every year into {@code directory}; returns the files downloaded (not kept). */
    public int fetch(RasterGrid dem, List<Integer> years, String directory, PrintStream progress) {
        double[] box = CellCoordinates.footprint(dem, CommonCRS.WGS84.normalizedGeographic());
        List<String[]> todo = new ArrayList<>();
        for (int year : years) {
            for (ClimateVariable v : ClimateVariable.values()) {
                todo.add(new String[] {v.name(), Integer.toString(year)});
            }
        }
        int downloaded = 0;
        long bytes = 0;
        for (int i = 0; i < todo.size(); i++) {
            ClimateVariable v = ClimateVariable.valueOf(todo.get(i)[0]);
            int year = Integer.parseInt(todo.get(i)[1]);
            String name = "daymet_v4_" + v.daymetName() + "_" + v.aggregation() + "_" + region + "_" + year + ".nc";
            String target = Storage.child(directory, name);
            String prefix = String.format(Locale.ROOT, "fetch-daymet: %d/%d %s", i + 1, todo.size(), name);
            if (complete(target, v, year)) {
                progress.println(prefix + ": already here, kept");
                continue;
            }
            byte[] content = download(url(v, year, name, box), name, progress);
            String part = Storage.child(directory, "." + name + ".part");
            try {
                Storage.writeAtomically(part, content);
                if (!complete(part, v, year)) {
                    Storage.delete(part);
                    throw EemtException.input(url(v, year, name, box), "returned a file that is not 12 months of " + v.daymetName()
                            + " in " + year, "check --url (a Daymet V4 monthly NetcdfSubset endpoint) and --years");
                }
                Storage.move(part, target);
            } catch (IOException e) {
                throw EemtException.environment(directory, "cannot be written (" + e.getMessage() + ")",
                        "choose a writable --out directory", e);
            }
            downloaded++;
            bytes += content.length;
            progress.println(String.format(Locale.ROOT, "%s: %.1f kB, %.1f kB so far", prefix, content.length / 1e3, bytes / 1e3));
        }
        return downloaded;
    }

    /** The NetcdfSubset request of one variable and year over the DEM's box plus the margin. */
    String url(ClimateVariable v, int year, String name, double[] lonLatBox) {
        return String.format(Locale.ROOT, "%s/%s?var=%s&north=%.4f&west=%.4f&east=%.4f&south=%.4f&disableProjSubset=on&horizStride=1"
                        + "&time_start=%d-01-01T00:00:00Z&time_end=%d-12-31T23:59:59Z&timeStride=1&accept=netcdf",
                baseUrl, name, v.daymetName(), lonLatBox[3] + MARGIN_DEGREES, lonLatBox[0] - MARGIN_DEGREES,
                lonLatBox[2] + MARGIN_DEGREES, lonLatBox[1] - MARGIN_DEGREES, year, year);
    }

    private byte[] download(String url, String name, PrintStream progress) {
        Duration pause = firstPause;
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                last = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw EemtException.input(url, "answered HTTP " + status + " for " + name,
                            "check --years (Daymet V4 monthly starts in 1980) and --url");
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EemtException.environment(url, "download interrupted", "run fetch-daymet again: it resumes");
            }
            if (attempt < attempts) {
                progress.println("fetch-daymet: " + name + ": " + last + ", retrying in " + pause.toMillis() + " ms (attempt "
                        + (attempt + 1) + " of " + attempts + ")");
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw EemtException.environment(url, "download interrupted", "run fetch-daymet again: it resumes");
                }
                pause = pause.multipliedBy(2);
            }
        }
        throw EemtException.environment(url, "failed " + attempts + " times (" + last + ")",
                "check the network and the service, then run fetch-daymet again: files already fetched are kept");
    }

    /** Whether a file exists and reads as the twelve months of {@code year} of {@code v}. */
    private static boolean complete(String location, ClimateVariable v, int year) {
        try {
            if (!Storage.exists(location)) {
                return false;
            }
            RasterGrid grid = DaymetNetcdf.grid(location, v);
            DaymetNetcdf.read(location, v, year, new org.eemt.geo.raster.PixelWindow(0, 0, 1, 1));
            return grid.columns() > 0;
        } catch (EemtException | IOException e) {
            return false;
        }
    }
}
