package org.eemt.job.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.eemt.geo.EemtException;
import org.eemt.geo.climate.TerraClimateFetcher;
import org.eemt.geo.raster.RasterInput;
import org.eemt.job.eemt.EemtOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eemt fetch-terraclimate}: TerraClimate monthly climate (global) for a DEM's box, ready for {@code run --climate}. */
@Command(name = "fetch-terraclimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Download TerraClimate tmax, tmin, ppt and vap (global, 1/24 degree, 1958 on) for the DEM's box from the "
                + "Northwest Knowledge Network's THREDDS NetcdfSubset service (public) as TerraClimate_<var>_<year>.nc into a "
                + "directory usable as --climate. Resumes: complete files are kept.")
public final class FetchTerraClimateCommand implements Callable<Integer> {
    @Option(names = "--dem", paramLabel = "FILE", required = true, description = "DEM GeoTIFF whose box to fetch.")
    String dem;

    @Option(names = "--years", paramLabel = "A-B|LIST", required = true, description = "Years, e.g. 2000-2001 (TerraClimate starts in 1958).")
    String years;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the netCDF files.")
    String out;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = TerraClimateFetcher.NKN_NCSS,
            description = "NetcdfSubset directory of the yearly files, for mirrors. Default: ${DEFAULT-VALUE}.")
    String baseUrl;

    @Mixin
    RetryOptions retry;

    @Override
    public Integer call() {
        List<Integer> list = EemtOptions.parseYears(years);
        if (list.get(0) < 1958) {
            throw EemtException.input("--years " + years, "starts before 1958, the first year of TerraClimate", "choose years from 1958 on");
        }
        int fetched = new TerraClimateFetcher(baseUrl, retry.retries, retry.firstPause())
                .fetch(RasterInput.readGrid(dem), list, out, System.out);
        System.out.println("fetch-terraclimate: " + fetched + " files downloaded into " + out + "; use it as --climate " + out);
        return 0;
    }
}
