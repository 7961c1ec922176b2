package org.eemt.job.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;
import org.eemt.job.plan.TilePlan;

/**
 * Summaries of products over classes of cells, in the structure of Rasmussen et al. (2015)
 * Tables 1–2: all cells; aspect class by northness (north-facing n &gt; 0, south-facing n &lt; 0);
 * water-gaining (MCWI &gt; 1) versus water-losing (MCWI ≤ 1) cells; aspect and wetness crossed;
 * elevation bands. A zoning appears only when the run has its input product (northness, MCWI,
 * DEM). The cells summarised are those where the first product is valid. The result has one
 * entry per zoning, product and class with valid cells of the product (zonings in the order
 * above, then products by path, then classes in their zoning's order): cells, mean, sd
 * (population), min, max.
 *
 * <p>Plain Spark tasks, one per tile, gather each class's statistics ({@link CellStatistics},
 * Welford's update within a tile); the driver merges the tiles in the plan's order (Chan et al.'s
 * pairwise update), so the result does not depend on scheduling.
 */
public final class ZonalSummary {
    public static final String NORTHNESS = "terrain/northness";
    public static final String MCWI = "terrain/mcwi";
    public static final String DEM = "terrain/dem";

    private static final String[] ASPECT = {"north-facing (northness > 0)", "south-facing (northness < 0)", "no aspect (flat)"};
    private static final String[] WETNESS = {"water-gaining (MCWI > 1)", "water-losing (MCWI ≤ 1)", "no MCWI"};
    private static final int ALL = 0;
    private static final int BY_ASPECT = 1;
    private static final int BY_WETNESS = 2;
    private static final int BY_ASPECT_AND_WETNESS = 3;
    private static final int BY_ELEVATION = 4;
    private static final String[] ZONINGS = {"all cells", "aspect", "wetness", "aspect × wetness", "elevation band"};

    private ZonalSummary() {
    }

    /** One line of the summary: a product's valid cells in one class of a zoning. */
    public record Entry(String zoning, String cellClass, String product, String unit, CellStatistics statistics) {
    }

    /**
     * A class of cells within a zoning: {@code code} orders the classes of a zoning and names the
     * class (the class index for aspect and wetness, the band's lower elevation in metres for
     * elevation bands).
     */
    record ZoneClass(int zoning, double code) {
    }

    /** What a tile task reports: the statistics of one product's valid cells of one class on one tile. */
    public record Part(int zoning, double code, int product, CellStatistics statistics) implements Serializable {
    }

    /**
     * The summary of products of a run (paths in its output directory) by every zoning whose input
     * the run has, with elevation bands {@code elevationBand} metres wide.
     */
    public static List<Entry> of(JavaSparkContext spark, RunOutputs outputs, double elevationBand, String... products) {
        List<Product> summarised = Arrays.stream(products).map(outputs::product).toList();
        if (summarised.isEmpty()) {
            throw new IllegalArgumentException("name at least one product, e.g. zonalSummary(\"eemt/annual/EEMT_Topo_2001\")");
        }
        Product dem = outputs.has(DEM) ? outputs.product(DEM) : null;
        Product northness = outputs.has(NORTHNESS) ? outputs.product(NORTHNESS) : null;
        Product mcwi = outputs.has(MCWI) ? outputs.product(MCWI) : null;
        TilePlan plan = new TilePlan(outputs.grid(), outputs.tileSize());
        spark.setJobDescription("report: zonal summary of " + summarised.size() + " products");
        List<Part> parts = spark.parallelize(plan.keys(), plan.tileCount()).flatMap(key -> {
            PixelWindow core = plan.core(key);
            float[][] values = new float[summarised.size()][];
            for (int p = 0; p < values.length; p++) {
                values[p] = outputs.read(summarised.get(p), core);
            }
            float[] elevation = dem == null ? null : outputs.read(dem, core);
            float[] n = northness == null ? null : outputs.read(northness, core);
            float[] m = mcwi == null ? null : outputs.read(mcwi, core);
            return summariseTile(values, elevation, n, m, elevationBand).iterator();
        }).collect();

        TreeMap<ZoneClass, Map<Integer, CellStatistics>> merged = new TreeMap<>(
                Comparator.comparingInt(ZoneClass::zoning).thenComparingDouble(ZoneClass::code));
        for (Part part : parts) { // tile after tile, in the plan's order
            merged.computeIfAbsent(new ZoneClass(part.zoning(), part.code()), c -> new HashMap<>())
                    .merge(part.product(), part.statistics(), CellStatistics::merge);
        }
        List<Integer> byPath = new ArrayList<>();
        for (int p = 0; p < summarised.size(); p++) {
            byPath.add(p);
        }
        byPath.sort(Comparator.comparing(p -> summarised.get(p).path()));
        List<Entry> entries = new ArrayList<>();
        for (int zoning = 0; zoning < ZONINGS.length; zoning++) {
            for (int p : byPath) {
                for (Map.Entry<ZoneClass, Map<Integer, CellStatistics>> e : merged.subMap(new ZoneClass(zoning, Double.NEGATIVE_INFINITY), true,
                        new ZoneClass(zoning, Double.POSITIVE_INFINITY), true).entrySet()) {
                    CellStatistics s = e.getValue().get(p);
                    if (s != null && s.count() > 0) {
                        Product product = summarised.get(p);
                        entries.add(new Entry(ZONINGS[zoning], label(e.getKey(), elevationBand), product.path(), product.unit(), s));
                    }
                }
            }
        }
        return entries;
    }

    /**
     * The statistics of one tile: {@code values} of the summarised products (the cells where the
     * first is valid are summarised), and the zonings' inputs on the same window (null where the
     * run lacks them, which leaves their zonings out).
     */
    static List<Part> summariseTile(float[][] values, float[] dem, float[] northness, float[] mcwi, double elevationBand) {
        Map<ZoneClass, CellStatistics.Accumulator[]> classes = new HashMap<>();
        List<ZoneClass> order = new ArrayList<>();
        ZoneClass[] zones = new ZoneClass[ZONINGS.length];
        for (int i = 0; i < values[0].length; i++) {
            if (Float.isNaN(values[0][i])) {
                continue;
            }
            int count = 0;
            zones[count++] = new ZoneClass(ALL, 0);
            int aspect = northness == null ? -1 : northness[i] > 0 ? 0 : northness[i] < 0 ? 1 : 2;
            int wetness = mcwi == null ? -1 : mcwi[i] > 1 ? 0 : mcwi[i] <= 1 ? 1 : 2;
            if (aspect >= 0) {
                zones[count++] = new ZoneClass(BY_ASPECT, aspect);
            }
            if (wetness >= 0) {
                zones[count++] = new ZoneClass(BY_WETNESS, wetness);
            }
            if (aspect >= 0 && wetness >= 0) {
                zones[count++] = new ZoneClass(BY_ASPECT_AND_WETNESS, aspect * 3 + wetness);
            }
            if (dem != null) { // a cell without elevation gets a class of its own, after the bands
                zones[count++] = new ZoneClass(BY_ELEVATION, Float.isNaN(dem[i]) ? Double.POSITIVE_INFINITY
                        : Math.floor(dem[i] / elevationBand) * elevationBand + 0.0); // + 0.0: no band of -0
            }
            for (int z = 0; z < count; z++) {
                CellStatistics.Accumulator[] sums = classes.computeIfAbsent(zones[z], c -> {
                    order.add(c);
                    CellStatistics.Accumulator[] a = new CellStatistics.Accumulator[values.length];
                    Arrays.setAll(a, p -> new CellStatistics.Accumulator());
                    return a;
                });
                for (int p = 0; p < values.length; p++) {
                    if (!Float.isNaN(values[p][i])) {
                        sums[p].add(values[p][i]);
                    }
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        for (ZoneClass c : order) {
            CellStatistics.Accumulator[] sums = classes.get(c);
            for (int p = 0; p < sums.length; p++) {
                parts.add(new Part(c.zoning(), c.code(), p, sums[p].statistics()));
            }
        }
        return parts;
    }

    /** The name of a class in its zoning's table rows. */
    private static String label(ZoneClass c, double elevationBand) {
        return switch (c.zoning()) {
            case ALL -> "all";
            case BY_ASPECT -> ASPECT[(int) c.code()];
            case BY_WETNESS -> WETNESS[(int) c.code()];
            case BY_ASPECT_AND_WETNESS -> ASPECT[(int) c.code() / 3] + ", " + WETNESS[(int) c.code() % 3];
            default -> Double.isInfinite(c.code()) ? "no elevation"
                    : String.format(Locale.US, "%.0f–%.0f m", c.code(), c.code() + elevationBand);
        };
    }

    /** A width for elevation bands that cuts [min, max] into at most about six bands of round metres. */
    public static double elevationBand(double min, double max) {
        List<Double> ticks = Drawing.ticks(min, max, 6);
        return ticks.size() < 2 ? 100 : ticks.get(1) - ticks.get(0);
    }
}
