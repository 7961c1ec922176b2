package org.eemt.job.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.Mosaic;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.storage.Storage;
import org.eemt.job.cli.RunOptions;
import org.eemt.job.outputs.Manifest;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.eemt.EemtStage;
import org.eemt.job.hydrology.HydrologyStage;
import org.eemt.job.solar.SolarStage;
import org.eemt.job.report.RunReport;
import org.eemt.job.terrain.TerrainStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole run, in order:
 * <ol>
 *   <li><b>check</b> the output directory is writable and the DEM readable (driver, metadata only);</li>
 *   <li><b>plan</b> the tiles and count the DEM's valid cells (one light Spark job);</li>
 *   <li><b>stages</b> (terrain → solar → hydrology → eemt, as {@code --products} asks and what it
 *       needs): each makes the products not finished by an earlier run, as work tiles;</li>
 *   <li><b>publish</b> each product as one file (or a VRT), recorded in {@code manifest.json}
 *       with its checksum as soon as it exists.</li>
 * </ol>
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Grid convergence (degrees) above which a run warns: UTM stays below it inside its zones. */
    private static final double LARGE_CONVERGENCE_DEGREES = 3;

    /** Every stage, in the order they run. */
    static final List<Stage> STAGES = List.of(new TerrainStage(), new SolarStage(), new HydrologyStage(), new EemtStage());

    private Pipeline() {
    }

    /** Runs the pipeline; returns the published location of every product, by product path. */
    public static Map<String, String> run(JavaSparkContext spark, RunOptions options, SortedMap<String, String> parameters)
            throws IOException {
        long runStart = System.nanoTime();
        List<Stage> stages = selectStages(options.products);
        RasterGrid dem = check(options);
        Mosaic mosaic = Mosaic.isMosaic(options.dem) ? Mosaic.open(options.dem).checked() : null;
        String demSha = mosaic != null ? mosaic.sha256() : Storage.sha256(options.dem);
        String runKey = runKey(demSha, parameters);

        TilePlan plan = new TilePlan(dem, options.tileSize);
        ProductStore store = new ProductStore(options.out, dem, runKey, options.mosaicMaxCells);
        if (options.overwrite) {
            store.clearWork();
        }
        String demLocation = options.dem;
        if (mosaic != null) { // tasks read the checked mosaic as one VRT and open only the tiles their windows touch
            demLocation = store.workLocation("dem.vrt");
            Storage.writeAtomically(demLocation, mosaic.toVrt().getBytes(StandardCharsets.UTF_8));
        }
        Manifest manifest = Manifest.start(options.out, runKey, options.overwrite);
        describe(manifest.root(), options, dem, demSha, mosaic, parameters, spark);
        manifest.carryEarlierVersions();

        ValidCells cells = ValidCells.count(spark, demLocation, options.band, plan);
        long valid = cells.valid();
        String range = "outside " + (int) GeoTiffReader.LOWEST_ELEVATION_METRES + " .. " + (int) GeoTiffReader.HIGHEST_ELEVATION_METRES + " m or not finite";
        if (valid == 0) {
            throw EemtException.input(options.dem, cells.implausible() == 0 ? "contains only NoData cells"
                            : "contains no valid elevation (" + cells.implausible() + " cells " + range + ", the rest NoData)",
                    "give a DEM with elevations in metres (check its NoData value and values with gdalinfo -stats)");
        }
        if (valid < 9) {
            throw EemtException.input(options.dem, "has only " + valid + " valid cells", "give a DEM with at least 3 x 3 valid cells");
        }
        double convergence = GridConvergence.largestDegrees(dem);
        if (Math.abs(convergence) > LARGE_CONVERGENCE_DEGREES) {
            LOG.warn("DEM {}: grid north is up to {} degrees from true north in its CRS; aspect, northness and solar radiation "
                    + "refer to grid north (as GRASS does): for products referred to true north, warp the DEM to its UTM zone "
                    + "(gdalwarp -t_srs EPSG:326<zone>)", options.dem, String.format(java.util.Locale.ROOT, "%.1f", convergence));
        }
        if (!Mosaic.isMosaic(options.dem)) {
            try (GeoTiffReader reader = GeoTiffReader.open(options.dem)) {
                if (reader.bands() > 1) {
                    LOG.warn("DEM {} has {} bands: elevations are read from band {} (choose another with --band N)",
                            options.dem, reader.bands(), options.band);
                }
            }
        }
        if (cells.implausible() > 0) {
            LOG.warn("DEM {}: {} cells {} are read as NoData (set the DEM's NoData value with gdal_translate -a_nodata if they are fill)",
                    options.dem, cells.implausible(), range);
        }
        manifest.root().with("dem").put("implausibleCells", cells.implausible());
        manifest.root().with("dem").put("validCells", valid);
        LOG.info("DEM {}: {}, {} valid cells, {} tiles of {} cells", options.dem, dem.describe(), valid, plan.tileCount(), options.tileSize);

        StageContext context = new StageContext(spark, options, demLocation, dem, plan, store,
                (ObjectNode) manifest.root().get("versions"));
        Map<String, String> published = new LinkedHashMap<>();
        for (Stage stage : stages) {
            long start = System.nanoTime();
            List<Product> wanted = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (Product p : stage.products(options)) {
                String location = store.location(p);
                if (manifest.isFinished(p, location)) {
                    manifest.keep(p);
                    kept.add(p.path());
                    published.put(p.path(), location);
                } else {
                    wanted.add(p);
                }
            }
            int tilesResumed = 0;
            if (!wanted.isEmpty()) {
                tilesResumed = finishedTiles(store, plan, wanted);
                stage.run(context, wanted);
                for (Product p : wanted) {
                    String location = store.publish(p, plan);
                    manifest.recordProduct(p, stage.name(), location);
                    published.put(p.path(), location);
                }
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
        LOG.info("report: {}", RunReport.write(options.out));
        return published;
    }

    /** The names of the stages this build has, in pipeline order. */
    public static List<String> stageNames() {
        return STAGES.stream().map(Stage::name).toList();
    }

    /** The stages {@code --products} asks for, with the stages they need, in pipeline order. */
    static List<Stage> selectStages(List<String> requested) {
        Set<String> names = new LinkedHashSet<>();
        for (String r : requested) {
            String name = r.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("all")) {
                STAGES.forEach(s -> names.add(s.name()));
            } else if (STAGES.stream().noneMatch(s -> s.name().equals(name))) {
                throw EemtException.input("--products " + r, "unknown product group",
                        "use all or a comma list of " + String.join(", ", STAGES.stream().map(Stage::name).toList()));
            } else {
                names.add(name);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Stage s : STAGES) {
                if (names.contains(s.name())) {
                    grew |= names.addAll(s.dependsOn());
                }
            }
        }
        return STAGES.stream().filter(s -> names.contains(s.name())).toList();
    }

    /**
     * The checks that need no Spark (after relative paths are made absolute, for executors on other
     * machines): the product groups are known, the output directory can be
     * written, the DEM is a readable, georeferenced GeoTIFF, the GRASS solar engine finds GRASS
     * (or its container runtime and image). Returns the DEM's grid.
     */
    public static RasterGrid check(RunOptions options) {
        options.resolveRelativePaths();
        options.checkValues();
        List<Stage> stages = selectStages(options.products);
        checkWritable(options.out);
        RasterGrid dem = checkDem(options);
        options.wetness.settings(); // a bad --wetness-index or --swi-suction fails before any product is written
        if (options.solar.grassEngine() && stages.stream().anyMatch(s -> s instanceof SolarStage)) {
            if (!dem.geographic() && dem.metresPerUnit() != 1) {
                // r.sun takes horizontal and vertical distances in the same unit: feet cells with metre elevations
                throw EemtException.input(options.dem, "has cells in feet (" + dem.describe() + "), which GRASS r.sun would mix with elevations in metres",
                        "use --solar-engine java (it converts the cells to metres) or warp the DEM to a CRS in metres with gdalwarp -t_srs EPSG:<code>");
            }
            options.solar.grassCommand().check(); // GRASS, the runtime and the image; each task checks again
        }
        if (options.eemt.climate != null && stages.stream().anyMatch(s -> s instanceof EemtStage)) {
            EemtStage.openClimate(options.eemt, dem); // bad climate fails here, before any product is written
        }
        return dem;
    }

    /**
     * The DEM's grid, after checking that it has the band {@code --band} asks for and at least
     * 3 x 3 cells, the least that slope needs.
     */
    private static RasterGrid checkDem(RunOptions options) {
        RasterGrid dem = RasterInput.readGrid(options.dem); // a mosaic's every source is checked
        try (RasterInput reader = RasterInput.openDem(options.dem, options.band)) { // the band exists
            if (dem.columns() < 3 || dem.rows() < 3) {
                throw EemtException.input(options.dem, "has " + dem.columns() + " x " + dem.rows()
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

    private static void describe(ObjectNode root, RunOptions options, RasterGrid dem, String demSha, Mosaic mosaic,
                                 SortedMap<String, String> parameters, JavaSparkContext spark) throws IOException {
        ObjectNode input = root.putArray("inputs").addObject();
        input.put("role", "dem");
        List<String> locations = new ArrayList<>();
        for (String location : options.dem.split(",")) { // a comma list of tiles, or one location
            locations.add(Storage.fileSystem(location.trim()).makeQualified(Storage.path(location.trim())).toString());
        }
        input.put("location", String.join(",", locations));
        input.put("bytes", mosaic != null ? mosaic.bytes() : Storage.status(options.dem).getLen());
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
        p.put("tile-size", options.tileSize);
        p.put("mosaic-max-cells", options.mosaicMaxCells);
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
