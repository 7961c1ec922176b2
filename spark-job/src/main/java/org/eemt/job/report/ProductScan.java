package org.eemt.job.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;

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
     * {@code blockSize} cells. Returns one entry per product and tile.
     */
    public static List<ProductTile> scan(JavaSparkContext spark, RunOutputs outputs, List<Product> products,
                                         List<Product> mapped, int blockSize) {
        TilePlan plan = new TilePlan(outputs.grid(), outputs.tileSize());
        List<Product> scanned = List.copyOf(products);
        List<Product> withBlocks = List.copyOf(mapped);
        spark.setJobDescription("report: statistics of " + scanned.size() + " products");
        return spark.parallelize(plan.keys(), plan.tileCount()).flatMap(key -> {
            PixelWindow core = plan.core(key);
            List<ProductTile> tiles = new ArrayList<>(scanned.size());
            for (Product p : scanned) {
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
