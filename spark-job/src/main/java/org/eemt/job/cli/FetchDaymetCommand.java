package org.eemt.job.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.eemt.geo.EemtException;
import org.eemt.geo.climate.DaymetFetcher;
import org.eemt.geo.climate.DaymetSinglePixel;
import org.eemt.geo.climate.EarthdataLogin;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.eemt.EemtOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eemt fetch-daymet}: Daymet V4 monthly climate for a DEM's area (or one point), ready for {@code run --climate}. */
@Command(name = "fetch-daymet", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download Daymet V4 R1 monthly tmax, tmin, prcp and vp for the DEM's footprint from NASA Earthdata Cloud "
                + "OPeNDAP (needs a free Earthdata Login: EARTHDATA_TOKEN, --token-file or ~/.netrc) into a directory usable as "
                + "--climate; or, with --point, the Daymet single-pixel record of one point (public). Resumes: complete files are kept."})
public final class FetchDaymetCommand implements Callable<Integer> {
    @Option(names = "--dem", paramLabel = "FILE", description = "DEM GeoTIFF whose footprint to fetch (not with --point).")
    String dem;

    @Option(names = "--point", paramLabel = "LAT,LON", description = "Fetch the single-pixel record of this point (degrees) instead of grids.")
    String point;

    @Option(names = "--years", paramLabel = "A-B|LIST", required = true, description = "Years, e.g. 2000-2001 (Daymet V4 starts in 1980; Puerto Rico in 1950).")
    String years;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the files.")
    String out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Granules URL of the monthly collection (default "
            + DaymetFetcher.EARTHDATA_OPENDAP + ") or, with --point, the single-pixel API (default " + DaymetSinglePixel.ORNL_API
            + "); for mirrors.")
    String baseUrl;

    @Option(names = "--region", paramLabel = "NAME", defaultValue = "na",
            description = "Daymet region: na (North America), hi (Hawaii), pr (Puerto Rico). Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding an Earthdata Login token (instead of EARTHDATA_TOKEN).")
    Path tokenFile;

    @Option(names = "--netrc", paramLabel = "FILE", description = "netrc file with the Earthdata Login user and password. Default: ~/.netrc.")
    Path netrc;

    @Option(names = "--login-url", paramLabel = "URL", defaultValue = "https://urs.earthdata.nasa.gov",
            description = "Earthdata Login service. Default: ${DEFAULT-VALUE}.")
    URI loginUrl;

    @Mixin
    RetryOptions retry;

    @Override
    public Integer call() {
        List<Integer> list = EemtOptions.parseYears(years);
        int first = "pr".equals(region) ? 1950 : 1980;
        if (list.get(0) < first) {
            throw EemtException.input("--years " + years, "starts before " + first + ", the first year of Daymet", "choose years from " + first + " on");
        }
        Duration pause = retry.firstPause();
        if (point != null) {
            if (dem != null) {
                throw EemtException.input("--point " + point, "given with --dem", "give either --dem (grids) or --point (one record)");
            }
            double[] latLon = parsePoint(point);
            String file = new DaymetSinglePixel(baseUrl == null ? DaymetSinglePixel.ORNL_API : baseUrl, retry.retries, pause)
                    .fetch(latLon[0], latLon[1], list.get(0), list.get(list.size() - 1), out, System.out);
            System.out.println("fetch-daymet: use it as --climate " + file);
            return 0;
        }
        if (dem == null) {
            throw EemtException.input("fetch-daymet", "needs --dem or --point", "give the DEM whose footprint to fetch, or --point LAT,LON");
        }
        EarthdataLogin login = login();
        if (!login.present() && baseUrl == null) {
            throw EemtException.environment(DaymetFetcher.EARTHDATA_OPENDAP, "Earthdata Login needed", EarthdataLogin.HOW_TO);
        }
        RasterGrid grid = RasterInput.readGrid(dem);
        int fetched = new DaymetFetcher(baseUrl == null ? DaymetFetcher.EARTHDATA_OPENDAP : baseUrl, region, login, retry.retries, pause)
                .fetch(grid, list, out, System.out);
        System.out.println("fetch-daymet: " + fetched + " files downloaded into " + out + "; use it as --climate " + out);
        return 0;
    }

    private EarthdataLogin login() {
        Path netrcFile = netrc != null ? netrc : Path.of(System.getProperty("user.home"), ".netrc");
        try {
            return EarthdataLogin.find(System.getenv("EARTHDATA_TOKEN"), tokenFile, netrcFile, loginUrl);
        } catch (IOException e) {
            throw EemtException.input(tokenFile != null ? "--token-file " + tokenFile : "--netrc " + netrcFile,
                    "cannot be read (" + e.getClass().getSimpleName() + ")", "give a readable file");
        }
    }

    private static double[] parsePoint(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw EemtException.input("--point " + text, "is not LAT,LON in degrees", "e.g. --point 35.80,-106.62");
    }
}
