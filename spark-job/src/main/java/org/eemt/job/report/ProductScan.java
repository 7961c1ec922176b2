package org.eemt.job.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;
import scala.Tuple2;

/**
 * One pass of Spark tasks over the tiles of a run's products (the run's tile grid): per product and tile, the cell
 * statistics and, when asked, the quicklook block sums. Each task reads its own windows; only
 * these summaries reach the driver.
 */
public final class ProductScan {
    private ProductScan() {
    }

    /** What one task reports for one product on its tile; {@code blocks} is null without a quicklook. */
    public record ProductTile(String product, TileKey key, PixelWindow core, CellStatistics statistics,
                              Quicklook.Blocks blocks) implements Serializable {
    }

    /**
     * Scans {@code products}; those also in {@code mapped} get quicklook blocks of
     * {@code blockSize} cells. Returns one entry per product and tile, tile by tile in the plan's order and
     * products in the given order. With fewer tiles than twice the cores, each tile's products are shared
     * among several tasks, so that every core works (a small DEM is one tile).
     */
    public static List<ProductTile> scan(JavaSparkContext spark, RunOutputs outputs, List<Product> products,
                                         List<Product> mapped, int blockSize) {
        TilePlan plan = new TilePlan(outputs.grid(), outputs.tileSize());
        List<Product> scanned = List.copyOf(products);
        List<Product> withBlocks = List.copyOf(mapped);
        int perTile = Math.max(1, Math.min(scanned.size(), (2 * spark.defaultParallelism() + plan.tileCount() - 1) / plan.tileCount()));
        // a task: a tile and the range [from, to) of the scanned products it reads
        List<Tuple2<TileKey, int[]>> parts = new ArrayList<>();
        for (TileKey key : plan.keys()) {
            for (int i = 0; i < perTile; i++) {
                parts.add(new Tuple2<>(key, new int[] {i * scanned.size() / perTile, (i + 1) * scanned.size() / perTile}));
            }
        }
        spark.setJobDescription("report: reading " + scanned.size() + " products (maps, statistics)");
        return spark.parallelize(parts, parts.size()).flatMap(part -> {
            TileKey key = part._1();
            PixelWindow core = plan.core(key);
            List<ProductTile> tiles = new ArrayList<>();
            for (Product p : scanned.subList(part._2()[0], part._2()[1])) {
                float[] cells = outputs.read(p, core);
                Quicklook.Blocks blocks = withBlocks.contains(p)
                        ? Quicklook.blocksOf(cells, core.x0(), core.y0(), core.width(), core.height(), blockSize) : null;
                tiles.add(new ProductTile(p.path(), key, core, CellStatistics.of(cells), blocks));
            }
            return tiles.iterator();
        }).collect();
    }

    /** The statistics of each scanned product over all its tiles, by product path in scan order. */
    public static Map<String, CellStatistics> totals(List<ProductTile> tiles) {
        Map<String, CellStatistics> totals = new LinkedHashMap<>();
        for (ProductTile t : tiles) {
            totals.merge(t.product(), t.statistics(), CellStatistics::merge);
        }
        return totals;
    }
}
