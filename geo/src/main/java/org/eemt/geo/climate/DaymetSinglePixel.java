package org.eemt.geo.climate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;

/**
 * Downloads a Daymet single-pixel record (station mode of {@code --climate}) from ORNL's
 * single-pixel web service: {@code <base>?lat=<°N>&lon=<°E>&vars=tmax,tmin,prcp,vp&start=<Y>-01-01&end=<Y>-12-31},
 * which answers the CSV {@link DaymetCsv} reads (header lines with the elevation, then
 * {@code year,yday,...}); documented at https://daymet.ornl.gov/web_services and used the same way
 * by daymetr and pydaymet. The service is public (no Earthdata Login). Same rules as the gridded
 * fetch ({@link HttpDownloader}): retries, one-line errors, a kept complete file, no partial file.
 */
public final class DaymetSinglePixel {
    /** ORNL's single-pixel data endpoint. */
    public static final String ORNL_API = "https://daymet.ornl.gov/single-pixel/api/data";

    private final String baseUrl;
    private final HttpDownloader http;

    /** @see DaymetFetcher#DaymetFetcher for the retry parameters */
    public DaymetSinglePixel(String baseUrl, int attempts, Duration firstPause) {
        this.baseUrl = baseUrl;
        this.http = new HttpDownloader("fetch-daymet", null, attempts, firstPause);
    }

    /**
     * Fetches the record of the point for {@code firstYear..lastYear} into {@code directory}
     * (kept when already complete); returns the file's location, usable as {@code --climate}.
     */
    public String fetch(double latitude, double longitude, int firstYear, int lastYear, String directory, PrintStream progress) {
        if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
            throw EemtException.input("--point " + latitude + "," + longitude, "is not a latitude,longitude in degrees",
                    "give --point LAT,LON, e.g. --point 35.80,-106.62");
        }
        String name = String.format(Locale.ROOT, "daymet_single_pixel_%.4f_%.4f_%d-%d.csv", latitude, longitude, firstYear, lastYear);
        String target = Storage.child(directory, name);
        if (complete(target, firstYear, lastYear)) {
            progress.println("fetch-daymet: " + name + ": already here, kept");
            return target;
        }
        String url = String.format(Locale.ROOT, "%s?lat=%.6f&lon=%.6f&vars=tmax,tmin,prcp,vp&start=%d-01-01&end=%d-12-31",
                baseUrl, latitude, longitude, firstYear, lastYear);
        long size = http.save(url, target, name, part -> {
            if (!complete(part, firstYear, lastYear)) {
                throw EemtException.environment(url, "returned a record without every day of " + firstYear + "-" + lastYear,
                        "check --years (Daymet starts in 1980 and ends with the last full year) and --base-url");
            }
        }, progress);
        progress.println(String.format(Locale.ROOT, "fetch-daymet: %s: %.1f kB", name, size / 1e3));
        return target;
    }

    /** Whether the file is a Daymet single-pixel CSV holding every year asked. */
    private static boolean complete(String location, int firstYear, int lastYear) {
        try {
            if (!Storage.exists(location)) {
                return false;
            }
            var years = DaymetCsv.read(location).completeYears();
            for (int y = firstYear; y <= lastYear; y++) {
                if (!years.contains(y)) {
                    return false;
                }
            }
            return true;
        } catch (EemtException | java.io.IOException e) {
            return false;
        }
    }
}
