package org.eemt.job.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.Mosaic;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.North;
import org.eemt.geo.storage.Storage;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.outputs.Manifest;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.climate.ClimateStage;
import org.eemt.job.eemt.EemtStage;
import org.eemt.job.wetness.WetnessStage;
import org.eemt.job.solar.SolarStage;
import org.eemt.job.report.RunReport;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.eemt.job.terrain.TerrainStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole run, in order:
 * <ol>
 *   <li><b>check</b> the output directory is writable and the DEM readable (driver, metadata only);</li>
 *   <li><b>plan</b> the tiles and count the DEM's valid cells (one light Spark job);</li>
 *   <li><b>stages</b> (terrain, solar, wetness index, climate → eemt, as {@code --products} asks and what it
 *       needs, ordered by the products they read and write, {@link StageGraph}): each makes the
 *       products not finished by an earlier run, as work tiles (a stage that writes only work
 *       files, the climate stage, runs when a stage that reads them has products to make);</li>
 *   <li><b>publish</b> each product as one file (or a VRT), recorded in {@code manifest.json}
 *       with its checksum as soon as it exists.</li>
 * </ol>
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Grid convergence (degrees) above which a run warns: UTM stays below it inside its zones. */
    private static final double LARGE_CONVERGENCE_DEGREES = 3;
    /** Products published at once, at most: each holds a few strips of rows of the DEM's width in memory. */
    private static final int PUBLISH_THREADS = 4;

    private Pipeline() {
    }

    /** Every stage, with the parameters of {@code config}. */
    static List<Stage> stages(RunConfig config) {
        return List.of(new TerrainStage(config.solar().parameters().north()), new SolarStage(config.solar()), new WetnessStage(config.wetness()),
                new ClimateStage(config.eemt().climate()), new EemtStage(config.eemt()));
    }

    /** Runs the pipeline in {@code session}; returns the published location of every product, by product path. */
    public static Map<String, String> run(SparkSession session, RunConfig config) throws IOException {
        long runStart = System.nanoTime();
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
        SortedMap<String, String> parameters = config.scienceParameters();
        List<Stage> stages = StageGraph.select(stages(config), config.products());
        RasterGrid dem = check(config);
        Mosaic mosaic = Mosaic.isMosaic(config.dem()) ? Mosaic.open(config.dem()).checked() : null;
        String demSha = mosaic != null ? mosaic.sha256() : Storage.sha256(config.dem());
        String runKey = runKey(demSha, parameters);

        TilePlan plan = new TilePlan(dem, config.tileSize());
        ProductStore store = new ProductStore(config.out(), dem, runKey, config.mosaicMaxCells());
        if (config.overwrite()) {
            store.clearWork();
        }
        String demLocation = config.dem();
        if (mosaic != null) { // tasks read the checked mosaic as one VRT and open only the tiles their windows touch
            demLocation = store.workLocation("dem.vrt");
            Storage.writeAtomically(demLocation, mosaic.toVrt().getBytes(StandardCharsets.UTF_8));
        }
        Manifest manifest = Manifest.start(config.out(), runKey, config.overwrite());
        describe(manifest.root(), config, dem, demSha, mosaic, parameters, spark);
        manifest.carryEarlierVersions();

        StageContext planning = new StageContext(spark, demLocation, config.band(), dem, plan, store,
                (ObjectNode) manifest.root().get("versions"), Double.NaN);
        ValidCells cells = ValidCells.count(planning);
        StageContext context = planning.withDemHighest(cells.highestMetres());
        long valid = cells.valid();
        String range = "outside " + (int) GeoTiffReader.LOWEST_ELEVATION_METRES + " .. " + (int) GeoTiffReader.HIGHEST_ELEVATION_METRES + " m or not finite";
        if (valid == 0) {
            throw EemtException.input(config.dem(), cells.implausible() == 0 ? "contains only NoData cells"
                            : "contains no valid elevation (" + cells.implausible() + " cells " + range + ", the rest NoData)",
                    "give a DEM with elevations in metres (check its NoData value and values with gdalinfo -stats)");
        }
        if (valid < 9) {
            throw EemtException.input(config.dem(), "has only " + valid + " valid cells", "give a DEM with at least 3 x 3 valid cells");
        }
        double convergence = GridConvergence.largestDegrees(dem);
        String degrees = String.format(java.util.Locale.ROOT, "%.1f", convergence);
        // the grass engine with --north true was refused above 3 degrees by the solar stage's check
        boolean inGridNorth = config.solar().parameters().north() == North.GRID;
        if (Math.abs(convergence) > LARGE_CONVERGENCE_DEGREES) {
            LOG.warn("DEM {}: grid north is up to {} degrees from true north in its CRS; {}: for products referred to "
                    + "true north, warp the DEM to its UTM zone (gdalwarp -t_srs EPSG:326<zone>)", config.dem(), degrees,
                    inGridNorth ? "aspect, northness and solar radiation refer to grid north (--north grid, as GRASS does)"
                            : "the aspect product refers to grid north (as GRASS r.slope.aspect does; northness and solar "
                            + "radiation are turned to true north, --north true)");
        } else if (convergence != 0 && config.solar().grassEngine() && !inGridNorth) {
            LOG.warn("DEM {}: grid north is up to {} degrees from true north in its CRS, and GRASS r.sun computes in grid north: "
                    + "the grass engine's solar products refer to grid north (as --north grid)", config.dem(), degrees);
        }
        if (!Mosaic.isMosaic(config.dem())) {
            try (GeoTiffReader reader = GeoTiffReader.open(config.dem())) {
                if (reader.bands() > 1) {
                    LOG.warn("DEM {} has {} bands: elevations are read from band {} (choose another with --band N)",
                            config.dem(), reader.bands(), config.band());
                }
            }
        }
        if (cells.implausible() > 0) {
            LOG.warn("DEM {}: {} cells {} are read as NoData (set the DEM's NoData value with gdal_translate -a_nodata if they are fill)",
                    config.dem(), cells.implausible(), range);
        }
        manifest.root().with("dem").put("implausibleCells", cells.implausible());
        manifest.root().with("dem").put("validCells", valid);
        LOG.info("DEM {}: {}, {} valid cells, {} tiles of {} cells", config.dem(), dem.describe(), valid, plan.tileCount(), config.tileSize());

        Map<String, String> published = new LinkedHashMap<>();
        Map<Stage, List<Product>> unfinished = new LinkedHashMap<>();
        for (Stage stage : stages) {
            List<Product> wanted = new ArrayList<>();
            for (Product p : stage.writes()) {
                if (!manifest.isFinished(p, store.location(p))) {
                    wanted.add(p);
                }
            }
            unfinished.put(stage, wanted);
        }
        for (Stage stage : stages) {
            long start = System.nanoTime();
            List<Product> wanted = unfinished.get(stage);
            List<String> kept = new ArrayList<>();
            for (Product p : stage.writes()) {
                if (!wanted.contains(p)) {
                    manifest.keep(p);
                    kept.add(p.path());
                    published.put(p.path(), store.location(p));
                }
            }
            boolean workNeeded = stages.stream().anyMatch(reader -> !unfinished.get(reader).isEmpty()
                    && reader.readsWork().stream().anyMatch(stage.writesWork()::contains));
            int tilesResumed = 0;
            if (!wanted.isEmpty() || workNeeded) {
                tilesResumed = wanted.isEmpty() ? 0 : finishedTiles(store, plan, wanted);
                stage.run(context, wanted);
                publish(stage, wanted, store, plan, manifest, published);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tiles", plan.tileCount());
            details.put("tilesResumed", tilesResumed);
            details.put("computed", wanted.stream().map(Product::path).toList());
            details.put("kept", kept);
            double seconds = (System.nanoTime() - start) / 1e9;
            manifest.recordStage(stage.name(), seconds, details);
            LOG.info("stage {}: {} products computed, {} kept, {} s", stage.name(), wanted.size(), kept.size(), String.format("%.1f", seconds));
        }
        manifest.root().put("wallSeconds", (System.nanoTime() - runStart) / 1e9);
        manifest.save();
        store.clearWork();
        LOG.info("report: {}", RunReport.write(session, config.out()));
        return published;
    }

    /**
     * Publishes a stage's products ({@link ProductStore#publish}, each re-encoded from its work tiles on one thread) on up
     * to {@value #PUBLISH_THREADS} of the driver's cores side by side, and records each in the manifest, in the stage's
     * order, as soon as it and those before it are published.
     */
    private static void publish(Stage stage, List<Product> products, ProductStore store, TilePlan plan, Manifest manifest,
                                Map<String, String> published) throws IOException {
        if (products.isEmpty()) {
            return;
        }
        int threads = Math.min(products.size(), Math.min(PUBLISH_THREADS, Runtime.getRuntime().availableProcessors()));
        AtomicInteger serial = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "eemt-publish-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PublishedProduct>> publishing = new ArrayList<>();
            for (Product p : products) {
                publishing.add(pool.submit(() -> new PublishedProduct(store.statistics(p, plan), store.publish(p, plan))));
            }
            for (int k = 0; k < products.size(); k++) {
                PublishedProduct done = awaitPublished(publishing.get(k));
                manifest.recordProduct(products.get(k), stage.name(), done.location(), done.statistics());
                published.put(products.get(k).path(), done.location());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record PublishedProduct(CellStatistics statistics, String location) {
    }

    private static PublishedProduct awaitPublished(Future<PublishedProduct> publishing) throws IOException {
        try {
            return publishing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing products", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The checks that need no Spark: the product groups are known, the output directory can be
     * written, the DEM is a readable, georeferenced GeoTIFF, each stage's own checks against it
     * (the GRASS solar engine finds GRASS, the climate covers the DEM), and every product a stage
     * reads is made by a stage before it. Returns the DEM's grid.
     */
    public static RasterGrid check(RunConfig config) {
        List<Stage> stages = StageGraph.select(stages(config), config.products());
        checkWritable(config.out());
        RasterGrid dem = checkDem(config);
        for (Stage stage : stages) {
            stage.check(config.dem(), dem);
        }
        StageGraph.check(stages);
        return dem;
    }

    /**
     * The DEM's grid, after checking that it has the band {@code --band} asks for and at least
     * 3 x 3 cells, the least that slope needs.
     */
    private static RasterGrid checkDem(RunConfig config) {
        RasterGrid dem = RasterInput.readGrid(config.dem()); // a mosaic's every source is checked
        try (RasterInput reader = RasterInput.openDem(config.dem(), config.band())) { // the band exists
            if (dem.columns() < 3 || dem.rows() < 3) {
                throw EemtException.input(config.dem(), "has " + dem.columns() + " x " + dem.rows()
                        + " cells: slope and every product need at least 3 x 3", "give a larger DEM");
            }
            return dem;
        }
    }

    /** Tiles whose work tiles of every wanted product an interrupted run already wrote. */
    private static int finishedTiles(ProductStore store, TilePlan plan, List<Product> wanted) throws IOException {
        int finished = 0;
        for (org.eemt.job.plan.TileKey key : plan.keys()) {
            finished += store.hasTiles(wanted, key) ? 1 : 0;
        }
        return finished;
    }

    private static void checkWritable(String out) {
        String probe = Storage.child(out, ".eemt-write-check");
        try {
            Storage.mkdirs(out);
            Storage.writeAtomically(probe, new byte[0]);
            Storage.delete(probe);
        } catch (IOException e) {
            EemtException store = Storage.storeProblem(out, e);
            throw store != null ? store : EemtException.input(out, "output directory cannot be written (" + e.getMessage() + ")",
                    "choose a writable --out directory or fix its permissions");
        } catch (RuntimeException e) {
            throw EemtException.input(out, "output directory cannot be written (" + e.getMessage() + ")",
                    "choose a writable --out directory or fix its permissions");
        }
    }

    /** Names the science of a run: the DEM's bytes and every parameter that changes results. */
    private static String runKey(String demSha, SortedMap<String, String> parameters) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(demSha.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(ObjectNode root, RunConfig config, RasterGrid dem, String demSha, Mosaic mosaic,
                                 SortedMap<String, String> parameters, JavaSparkContext spark) throws IOException {
        ObjectNode input = root.putArray("inputs").addObject();
        input.put("role", "dem");
        List<String> locations = new ArrayList<>();
        for (String location : config.dem().split(",")) { // a comma list of tiles, or one location
            locations.add(Storage.fileSystem(location.trim()).makeQualified(Storage.path(location.trim())).toString());
        }
        input.put("location", String.join(",", locations));
        input.put("bytes", mosaic != null ? mosaic.bytes() : Storage.status(config.dem()).getLen());
        if (mosaic != null) {
            input.put("tiles", mosaic.sources().size());
        }
        input.put("sha256", demSha);
        ObjectNode d = root.putObject("dem");
        d.put("columns", dem.columns());
        d.put("rows", dem.rows());
        d.put("crs", dem.crsCode() != null ? dem.crsCode() : dem.crsWkt());
        d.put("originX", dem.originX());
        d.put("originY", dem.originY());
        d.put("cellWidth", dem.cellWidth());
        d.put("cellHeight", dem.cellHeight());
        d.put("geographic", dem.geographic());
        ObjectNode p = root.putObject("parameters");
        parameters.forEach(p::put);
        p.put("tile-size", config.tileSize());
        p.put("mosaic-max-cells", config.mosaicMaxCells());
        ObjectNode v = root.putObject("versions");
        Package eemt = Pipeline.class.getPackage();
        v.put("eemt", eemt.getImplementationVersion() != null ? eemt.getImplementationVersion() : "development build");
        v.put("spark", spark.version());
        v.put("scala", scala.util.Properties.versionNumberString());
        v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        v.put("apacheSis", org.apache.sis.util.Version.SIS.toString());
        ObjectNode sparkInfo = root.putObject("spark");
        sparkInfo.put("master", spark.master());
        sparkInfo.put("applicationId", spark.sc().applicationId());
        sparkInfo.put("defaultParallelism", spark.defaultParallelism());
    }
}
