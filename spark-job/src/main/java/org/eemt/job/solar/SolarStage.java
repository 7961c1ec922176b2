package org.eemt.job.solar;

import static org.eemt.job.stage.ProductCatalog.ASPECT;
import static org.eemt.job.stage.ProductCatalog.SLOPE;
import static org.eemt.job.stage.ProductCatalog.flat;
import static org.eemt.job.stage.ProductCatalog.hours;
import static org.eemt.job.stage.ProductCatalog.topo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.MonthlySolarSums;
import org.eemt.geo.solar.SolarEngine;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.North;
import org.eemt.job.deploy.StageResources;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.eemt.geo.EemtException;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;

/**
 * The solar stage (SCIENCE.md §2): per tile (core + the halo of the horizon distance) and day,
 * daily global irradiation on the terrain and on the flat, and insolation time → monthly S_topo,
 * S_flat (Wh m⁻² month⁻¹) and mean daily insolation time (h day⁻¹), and with {@code --keep-daily}
 * the daily products. The {@link SolarEngine} of {@code --solar-engine} computes each task from the
 * tile's window (core + halo) and, for the java engine, the core's Horn slope and aspect read from
 * the terrain stage's products (computed once per tile, there), with scratch files under the
 * executor's local directory of this application ({@link SparkFiles#getRootDirectory()}).
 *
 * <p>One task per tile ({@link StageContext#forEachTile}) computes the tile's set-up (the horizons) once and
 * then its days, and writes its daily and monthly products. With fewer tiles than cores, a task
 * uses its share of the idle cores ({@link #threadsPerTile}): the set-up's rows and the passes of
 * days run on threads side by side; and a task still running when its executor's other tasks have
 * ended borrows their cores for its remaining passes ({@link ExecutorCores}). Each pass is added to
 * the monthly sums with exact (fixed-point) addition ({@link MonthlySolarSums}), so products do not
 * depend on the threads, nor on the tile size.
 */
public final class SolarStage implements Stage {
    /** |grid convergence| (degrees) above which the grass engine refuses --north true: UTM stays below it in its zones. */
    public static final double GRASS_CONVERGENCE_DEGREES = 3;

    private final SolarConfig solar;

    /** The stage with the solar parameters of a run. */
    public SolarStage(SolarConfig solar) {
        this.solar = solar;
    }

    static Product dailyTopo(int day) {
        return new Product("global/daily/total_sun_day_" + day, "Wh m-2 day-1", "daily global irradiation with shadows");
    }

    static Product dailyFlat(int day) {
        return new Product("global/daily/flat_total_sun_day_" + day, "Wh m-2 day-1", "daily global irradiation, flat unshaded");
    }

    static Product dailyHours(int day) {
        return new Product("insol/daily/hours_sun_day_" + day, "h", "daily insolation time");
    }

    @Override
    public String name() {
        return "solar";
    }

    /** The java engine reads the terrain stage's slope and aspect; GRASS r.sun computes its own. */
    @Override
    public List<Product> reads() {
        return solar.grassEngine() ? List.of() : List.of(SLOPE, ASPECT);
    }

    @Override
    public List<Product> writes() {
        int[] days = solar.dayList();
        boolean[] months = new boolean[Calendar365.MONTHS];
        for (int d : days) {
            months[Calendar365.monthOf(d)] = true;
        }
        List<Product> products = new ArrayList<>();
        for (int m = 0; m < Calendar365.MONTHS; m++) {
            if (months[m]) {
                products.addAll(List.of(topo(m), flat(m), hours(m)));
            }
        }
        if (solar.keepDaily()) {
            for (int d : days) {
                products.addAll(List.of(dailyTopo(d), dailyFlat(d), dailyHours(d)));
            }
        }
        return products;
    }

    /**
     * The grass engine finds GRASS (or its container runtime and image), the DEM's cells are in
     * metres and, with {@code --north true}, its grid north lies within {@value #GRASS_CONVERGENCE_DEGREES}° of
     * true north (r.sun computes in grid north, SCIENCE.md Eq. 2.30); each task checks GRASS again.
     */
    @Override
    public void check(String demLocation, RasterGrid dem) {
        if (solar.grassEngine()) {
            if (!dem.geographic() && dem.metresPerUnit() != 1) {
                // r.sun takes horizontal and vertical distances in the same unit: feet cells with metre elevations
                throw EemtException.input(demLocation, "has cells in feet (" + dem.describe() + "), which GRASS r.sun would mix with elevations in metres",
                        "use --solar-engine java (it converts the cells to metres) or warp the DEM to a CRS in metres with gdalwarp -t_srs EPSG:<code>");
            }
            if (solar.parameters().north() == North.TRUE) {
                double convergence = GridConvergence.largestDegrees(dem);
                if (Math.abs(convergence) > GRASS_CONVERGENCE_DEGREES) {
                    // r.sun has no grid convergence: its sun azimuths meet the aspect in grid north
                    throw EemtException.input(demLocation, String.format(Locale.ROOT, "grid north is up to %.1f degrees from true north in its CRS "
                                    + "(%s), which GRASS r.sun ignores", convergence, dem.describe()),
                            "use --north grid (solar products in grid north, as r.sun), --solar-engine java, or warp the DEM to its UTM zone");
                }
            }
            solar.grassCommand().check();
        }
    }

    @Override
    public void run(StageContext context, List<Product> wanted) {
        SolarParameters parameters = solar.parameters();
        SolarEngine engine = solar.engine();
        int[] days = solar.dayList();
        boolean keepDaily = solar.keepDaily();
        String demLocation = context.demLocation();
        int band = context.band();
        TilePlan plan = context.plan();
        ProductStore store = context.store();
        JavaSparkContext spark = context.spark();
        int tiles = context.unfinishedTiles(wanted).size();
        if (tiles == 0) {
            return;
        }
        double demMax = engine.needsDemMaximum() ? context.demHighestMetres() : Double.NaN;
        int taskCpus = spark.getConf().getInt(StageResources.SOLAR_TASK_CPUS, 1);
        int threads = threadsPerTile(StageResources.heldCpus(spark.getConf(), taskCpus), Math.max(1, spark.defaultParallelism()), tiles);
        // the cores of each executor: in local mode the application's, in one JVM
        ExecutorCores executorCores = new ExecutorCores(spark.master().startsWith("local[") || spark.master().equals("local")
                ? spark.defaultParallelism() : Math.max(threads, spark.getConf().getInt("spark.executor.cores", 1)));
        CollectionAccumulator<String> toolVersions = spark.sc().collectionAccumulator("solar engine versions");
        context.forEachTile("solar: " + tiles + (tiles == 1 ? " tile x " : " tiles x ") + days.length + " days" + (threads > 1 ? ", " + threads + " threads each" : "")
                + ", " + engine.describe(parameters), wanted, taskCpus, engine.borrowsSpareCores(), key -> {
            // the executor's cores cap the threads: tiles planned on idle cores may share one executor
            int held = Math.min(threads, Runtime.getRuntime().availableProcessors());
            ExecutorCores.hold(held);
            try {
                long start = System.nanoTime();
                PixelWindow core = plan.core(key);
                PixelWindow window = window(plan, key, parameters.horizonDistanceMetres());
                double[] elevation;
                try (RasterInput reader = RasterInput.openDem(demLocation, band)) {
                    elevation = reader.readDoubles(window);
                }
                float[] slope = engine.readsSlopeAspect() ? store.read(SLOPE, core) : null;
                float[] aspect = engine.readsSlopeAspect() ? store.read(ASPECT, core) : null;
                SolarEngine.Result result;
                try {
                    result = engine.run(plan.dem(), demMax, window, elevation, core, slope, aspect, parameters, days, held, executorCores,
                            Path.of(SparkFiles.getRootDirectory()), keepDaily ? day -> writeDaily(store, wanted, key, core, day) : null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("solar tile " + key + " interrupted", e);
                }
                if (result.toolVersion() != null) {
                    toolVersions.add(result.toolVersion());
                }
                MonthlySolarSums sums = result.sums();
                long valid = 0;
                for (int m = 0; m < Calendar365.MONTHS; m++) {
                    if (sums.days(m) == 0) {
                        continue;
                    }
                    write(store, wanted, topo(m), key, core, sums.topo(m));
                    write(store, wanted, flat(m), key, core, sums.flat(m));
                    write(store, wanted, hours(m), key, core, sums.meanInsolationHours(m));
                    if (valid == 0) {
                        for (float v : sums.flat(m)) {
                            valid += Float.isNaN(v) ? 0 : 1;
                        }
                    }
                }
                return new TileSummary(key, valid, (System.nanoTime() - start) / 1e9);
            } finally {
                ExecutorCores.free(held);
            }
        });
        if (!toolVersions.value().isEmpty()) {
            // every version the executors' GRASS sessions reported (one, unless workers differ), and the one an
            // earlier run recorded for the tiles this run resumed
            TreeSet<String> versions = new TreeSet<>(toolVersions.value());
            String earlier = context.versions().path("grass").asText("");
            if (!earlier.isEmpty()) {
                versions.addAll(Arrays.asList(earlier.split("; ")));
            }
            context.versions().put("grass", String.join("; ", versions));
        }
    }

    /**
     * The threads of one tile task: the cores it holds ({@code taskCpus}) and, when the stage has fewer tiles than the
     * application has cores, its share of the idle ones (rounded up, so that every core works to the end).
     */
    static int threadsPerTile(int taskCpus, int cores, int tiles) {
        return Math.max(taskCpus, (cores + tiles - 1) / tiles);
    }

    /** The tile's core with the halo of the horizon distance (at least one cell, for slope and aspect), clipped to the DEM. */
    private static PixelWindow window(TilePlan plan, TileKey key, double horizonDistance) {
        return plan.withHalo(key, Math.max(1, SolarTile.haloCells(plan.dem(), horizonDistance)));
    }

    private static void writeDaily(ProductStore store, List<Product> wanted, TileKey key, PixelWindow core, DailyIrradiation day) {
        write(store, wanted, dailyTopo(day.dayOfYear()), key, core, day.globalTopo());
        write(store, wanted, dailyFlat(day.dayOfYear()), key, core, day.globalFlat());
        write(store, wanted, dailyHours(day.dayOfYear()), key, core, day.insolationHours());
    }

    private static void write(ProductStore store, List<Product> wanted, Product product, TileKey key, PixelWindow core, float[] cells) {
        if (!wanted.contains(product)) {
            return;
        }
        try {
            store.writeTile(product, key, core, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
