package org.eemt.job.cli;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eemt.geo.EemtException;
import org.eemt.job.pipeline.RunConfig;
import org.eemt.job.solar.SolarOptions;
import org.eemt.job.eemt.EemtOptions;
import org.eemt.job.wetness.WetnessOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The parameters of a run. Each has one name everywhere: the CLI flag {@code --tile-size}, the
 * property {@code eemt.tile-size} in {@code conf/eemt.properties}, the Spark conf
 * {@code spark.eemt.tile-size} ({@link ParameterDefaults} says which wins). Stages add their own
 * parameter groups as picocli mixins.
 */
public class RunOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    @Option(names = "--dem", paramLabel = "FILE", required = true,
            description = "DEM (elevations in metres; projected or geographic CRS): a GeoTIFF, a GDAL VRT mosaic of GeoTIFF tiles (gdalbuildvrt), a directory of GeoTIFF tiles or a comma list of them; plain paths, file://, hdfs://, s3a://.")
    public String dem;

    @Option(names = "--band", paramLabel = "N", defaultValue = "1",
            description = "Band of the DEM GeoTIFF holding the elevations (a multi-band DEM is read as band 1, with a warning). Default: ${DEFAULT-VALUE}.")
    public int band = 1;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output directory; a rerun into it resumes, keeping finished products.")
    public String out;

    @Option(names = "--products", split = ",", paramLabel = "LIST", defaultValue = "all",
            description = "What to compute: all, or a comma list of terrain, solar, wetness (or its former name twi), eemt (what they need is computed too). Default: ${DEFAULT-VALUE}.")
    public List<String> products = new ArrayList<>(List.of("all"));

    @Option(names = "--tile-size", paramLabel = "CELLS", defaultValue = "512",
            description = "Tile edge in cells (outputs do not depend on it). Default: ${DEFAULT-VALUE} cells.")
    public int tileSize;

    @Option(names = "--mosaic-max-cells", paramLabel = "CELLS", defaultValue = "50000000",
            description = "Products of DEMs up to this many cells are one GeoTIFF each; larger DEMs get a GDAL VRT over per-tile GeoTIFFs. Default: ${DEFAULT-VALUE} cells.")
    public long mosaicMaxCells;

    @Option(names = "--overwrite", defaultValue = "false",
            description = "Recompute everything, even products a previous run into --out finished.")
    public boolean overwrite;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master when not launched by spark-submit (spark-submit's --master wins). Default: ${DEFAULT-VALUE}.")
    public String master;

    /** Parameters of the solar stage. */
    @Mixin
    public SolarOptions solar = new SolarOptions();

    /** Wetness-index parameters: --wetness-index, --swi-suction. */
    @Mixin
    public WetnessOptions wetness = new WetnessOptions();

    /** Climate and EEMT parameters: --climate, --climate-elevation, --years, --lapse-rate, --wind, --lai, --canopy-height. */
    @Mixin
    public EemtOptions eemt = new EemtOptions();

    /**
     * The run's configuration: relative paths made absolute, values checked, and every option of
     * {@code spec} (the command these options belong to) that can change results.
     */
    public RunConfig config(CommandSpec spec) {
        resolveRelativePaths();
        checkValues();
        List<String> stages = products.stream().map(p -> p.trim().equalsIgnoreCase(FORMER_WETNESS_NAME) ? "wetness" : p).toList();
        return new RunConfig(dem, band, out, stages, tileSize, mosaicMaxCells, overwrite, solar.config(), wetness.settings(),
                eemt.config(), scienceParameters(spec));
    }

    /**
     * Checks the values of the options that need no file or Spark (tiling, band, solar parameters,
     * days, engine, years): a bad one is a one-line input error, before anything starts.
     */
    private void checkValues() {
        if (tileSize < 3) {
            throw EemtException.input("--tile-size " + tileSize, "a tile must be at least 3 x 3 cells", "give a tile edge in cells, e.g. --tile-size 512");
        }
        if (mosaicMaxCells < 1) {
            throw EemtException.input("--mosaic-max-cells " + mosaicMaxCells, "must be a positive number of cells", "e.g. --mosaic-max-cells 50000000");
        }
        if (band < 1) {
            throw EemtException.input("--band " + band, "bands are numbered from 1", "give the DEM's band, e.g. --band 1");
        }
        solar.parameters();
        solar.dayList();
        solar.grassEngine();
        eemt.yearList();
        eemt.vegetation();
    }

    /**
     * Makes relative plain paths absolute (in the driver's working directory), so that executors,
     * which run in their own working directories on other machines, find the same files. URIs
     * ({@code file:}, {@code hdfs://}, {@code s3a://}) are left as they are.
     */
    private void resolveRelativePaths() {
        dem = dem == null ? null : String.join(",", java.util.Arrays.stream(dem.split(",")).map(String::trim).filter(d -> !d.isEmpty()).map(RunOptions::absolute).toList());
        out = absolute(out);
        eemt.climate = absolute(eemt.climate);
        eemt.climateElevation = absolute(eemt.climateElevation);
        eemt.leafAreaIndex = absolute(eemt.leafAreaIndex);
        eemt.canopyHeight = absolute(eemt.canopyHeight);
    }

    private static String absolute(String location) {
        return location == null || location.contains(":") ? location : java.nio.file.Path.of(location).toAbsolutePath().toString();
    }

    /** The wetness stage's name before it was called wetness, still accepted by {@code --products}. */
    private static final String FORMER_WETNESS_NAME = "twi";

    /**
     * Options that change how a run executes but never what it computes (left out of the run key).
     * How GRASS is started (on the host or by a container runtime, with which runtime arguments)
     * is one of them; the container image is not, since it decides which GRASS runs.
     */
    private static final List<String> EXECUTION_ONLY = List.of("--out", "--tile-size", "--mosaic-max-cells", "--overwrite",
            "--master", "--products", "--container-runtime", "--container-args");

    /** Every option that can change results, by name without dashes, as given or defaulted. */
    private static SortedMap<String, String> scienceParameters(CommandSpec spec) {
        SortedMap<String, String> parameters = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (o.usageHelp() || o.versionHelp() || name.equals("--dem") || EXECUTION_ONLY.contains(name)) {
                continue;
            }
            Object value = o.getValue();
            parameters.put(name.substring(2), value instanceof Iterable<?> list ? String.join(",", toStrings(list)) : String.valueOf(value));
        }
        return parameters;
    }

    private static List<String> toStrings(Iterable<?> list) {
        List<String> s = new ArrayList<>();
        list.forEach(v -> s.add(String.valueOf(v)));
        return s;
    }
}
