package org.eemt.job.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.eemt.geo.EemtException;
import org.eemt.geo.climate.DaymetFetcher;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.eemt.EemtOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eemt fetch-daymet}: Daymet V4 monthly climate for a DEM's area, ready for {@code run --climate}. */
@Command(name = "fetch-daymet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Download Daymet V4 monthly tmax, tmin, prcp and vp for the DEM's area from ORNL's NetcdfSubset "
                + "service into a directory usable as --climate. Resumes: complete files are kept.")
public final class FetchDaymetCommand implements Callable<Integer> {
    @Option(names = "--dem", paramLabel = "FILE", required = true, description = "DEM GeoTIFF whose area to fetch.")
    String dem;

    @Option(names = "--years", paramLabel = "A-B|LIST", required = true, description = "Years, e.g. 2000-2001 (Daymet V4 starts in 1980).")
    String years;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the netCDF files.")
    String out;

    @Option(names = "--url", paramLabel = "URL", defaultValue = DaymetFetcher.ORNL_NCSS,
            description = "NetcdfSubset endpoint of Daymet V4 monthly summaries. Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--region", paramLabel = "NAME", defaultValue = "na",
            description = "Daymet region: na (North America), hi (Hawaii), pr (Puerto Rico). Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Attempts per file before giving up (pauses 2, 4, 8 ... s). Default: ${DEFAULT-VALUE}.")
    int retries;

    @Override
    public Integer call() {
        List<Integer> list = EemtOptions.parseYears(years);
        if (list.get(0) < 1980) {
            throw EemtException.input("--years " + years, "starts before 1980, the first year of Daymet", "choose years from 1980 on");
        }
        RasterGrid grid = GeoTiffReader.readGrid(dem);
        int fetched = new DaymetFetcher(url, region, retries, Duration.ofSeconds(2)).fetch(grid, list, out, System.out);
        System.out.println("fetch-daymet: " + fetched + " files downloaded into " + out + "; use it as --climate " + out);
        return 0;
    }
}
