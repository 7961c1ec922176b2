package org.eemt.geo.solar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eemt.geo.SpareCores;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.grass.GrassCommand;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;

/**
 * The GRASS engine of the solar model: one tile, a set of days, computed by GRASS GIS
 * {@code r.sun} in its daily mode (the EEMT workflow's), with the same results as
 * {@link SolarTileRun}: {@link MonthlySolarSums} and each day's {@link DailyIrradiation}.
 *
 * <p>The tile's window (core + halo, so that terrain outside the core shades it) is written as a
 * GeoTIFF into a fresh scratch directory, and ONE GRASS session ({@link GrassCommand}) runs a script
 * that imports it ({@code r.in.gdal}, {@code g.region raster=}), computes {@code r.slope.aspect}
 * and, for each day: {@code r.sun elevation slope aspect day step linke_value albedo_value
 * glob_rad insol_time} (S_topo with terrain shadows, insolation time; {@code -p}, no shadows,
 * when the shading mode is {@link Shading#NONE}) and {@code r.sun -p slope_value=0
 * aspect_value=0} (S_flat), exported as Float32 GeoTIFFs with {@code r.out.gdal}. They are read
 * back for the core cells only; cells without data stay NaN. The Linke turbidity is the day's
 * month's value. The session also reports its GRASS version ({@code g.version}), for the run's
 * manifest. The scratch directory is deleted afterwards.
 */
public final class RsunTileRun implements SolarEngine {
    private static final long serialVersionUID = 1L;
    private static final String VERSION_FILE = "grass-version.txt";

    private final GrassCommand grass;

    RsunTileRun(GrassCommand grass) {
        this.grass = grass;
    }

    @Override
    public boolean needsDemMaximum() {
        return false;
    }

    /** r.sun takes the slope and aspect of r.slope.aspect, computed in its session. */
    @Override
    public boolean readsSlopeAspect() {
        return false;
    }

    @Override
    public String describe(SolarParameters parameters) {
        return "GRASS r.sun";
    }

    /**
     * Checks GRASS (on this machine, or the container runtime and image), then runs r.sun (class comment), with more
     * than one thread as that many GRASS sessions side by side, each on a block of the days (no spare core is borrowed: a
     * session of its own costs GRASS's start); the result's tool version is {@code g.version}'s line, e.g. "GRASS 8.2.1
     * (2023)".
     */
    @Override
    public Result run(RasterGrid dem, double demMaxElevation, PixelWindow window, double[] elevation, PixelWindow core,
                      float[] slopeDegrees, float[] aspectDegrees, SolarParameters parameters, int[] days, int threads, SpareCores spare,
                      Path scratch, Consumer<DailyIrradiation> daily) throws IOException, InterruptedException {
        grass.check();
        return DayBlocks.sum(days, threads, block -> rsun(grass, dem, window, elevation, core, parameters, block, scratch, daily));
    }

    /**
     * Computes {@code days} (1..365, any order) for {@code core}.
     *
     * @param window    the DEM cells given (core + halo) in {@code dem}'s pixel coordinates
     * @param elevation the elevations of {@code window}, row-major, NaN = no data, in full precision
     *                  (written as Float64: r.slope.aspect's gradients see the DEM's digits)
     * @param scratchParent where to make the scratch directory (a local disk)
     * @param daily     receives each day's results, in the order of {@code days}; may be null
     */
    private static Result rsun(GrassCommand grass, RasterGrid dem, PixelWindow window, double[] elevation, PixelWindow core,
                             SolarParameters parameters, int[] days, Path scratchParent, Consumer<DailyIrradiation> daily)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(Files.createDirectories(scratchParent), "eemt-rsun-");
        try {
            Path tile = scratch.resolve("tile.tif");
            GeoTiffWriter.writeLocal(dem.window(window), elevation, tile);
            Path script = scratch.resolve("rsun.sh");
            Files.writeString(script, script(tile, scratch, parameters, days), StandardCharsets.UTF_8);
            grass.run(scratch, tile, script);
            PixelWindow coreInTile = new PixelWindow(core.x0() - window.x0(), core.y0() - window.y0(), core.width(), core.height());
            MonthlySolarSums sums = new MonthlySolarSums(Math.toIntExact(core.cells()));
            for (int d : days) {
                DailyIrradiation day = new DailyIrradiation(d, read(output(scratch, "topo", d), coreInTile),
                        read(output(scratch, "flat", d), coreInTile), read(output(scratch, "hours", d), coreInTile));
                sums.add(day);
                if (daily != null) {
                    daily.accept(day);
                }
            }
            return new Result(sums, Files.readString(scratch.resolve(VERSION_FILE), StandardCharsets.UTF_8).strip());
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** The bash script of GRASS commands for the tile file and the days. */
    static String script(Path tile, Path scratch, SolarParameters parameters, int[] days) {
        StringBuilder s = new StringBuilder("set -euo pipefail\nexport GRASS_OVERWRITE=1\n")
                .append("r.in.gdal --quiet input=").append(tile).append(" output=dem\n")
                .append("g.region raster=dem\n")
                .append("g.version > ").append(scratch.resolve(VERSION_FILE)).append('\n')
                .append("r.slope.aspect --quiet elevation=dem slope=slope aspect=aspect\n");
        for (int d : days) {
            s.append(topoCommand(d, parameters, parameters.shading() != Shading.NONE, "topo", "hours")).append('\n');
            s.append(flatCommand(d, parameters, "flat")).append('\n');
            for (String map : new String[] {"topo", "flat", "hours"}) {
                s.append("r.out.gdal -c -f --quiet input=").append(map).append(" output=").append(output(scratch, map, d))
                        .append(" format=GTiff type=Float32\n");
            }
        }
        return s.toString();
    }

    /**
     * The r.sun command (daily mode) on the real surface of raster {@code dem} with rasters
     * {@code slope} and {@code aspect} of r.slope.aspect, with terrain shadows or without
     * ({@code -p}), writing global irradiation to {@code globalMap} and insolation time to
     * {@code hoursMap}; step, the day's month's Linke turbidity and albedo from {@code parameters}.
     */
    public static String topoCommand(int day, SolarParameters parameters, boolean shadows, String globalMap, String hoursMap) {
        return "r.sun " + (shadows ? "" : "-p ") + "--quiet elevation=dem slope=slope aspect=aspect " + dayOptions(day, parameters)
                + " glob_rad=" + globalMap + " insol_time=" + hoursMap;
    }

    /** The r.sun command (daily mode) for S_flat: raster {@code dem}, no shadows, slope and aspect 0, into {@code globalMap}. */
    public static String flatCommand(int day, SolarParameters parameters, String globalMap) {
        return "r.sun -p --quiet elevation=dem slope_value=0 aspect_value=0 " + dayOptions(day, parameters) + " glob_rad=" + globalMap;
    }

    private static String dayOptions(int day, SolarParameters parameters) {
        return String.format(Locale.ROOT, "day=%d step=%s linke_value=%s albedo_value=%s", day, parameters.stepHours(),
                parameters.linke(Calendar365.monthOf(day)), parameters.albedo());
    }

    private static Path output(Path scratch, String map, int day) {
        return scratch.resolve(map + "_" + day + ".tif");
    }

    private static float[] read(Path file, PixelWindow cells) {
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            return reader.read(cells);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
