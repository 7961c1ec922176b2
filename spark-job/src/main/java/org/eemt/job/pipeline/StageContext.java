package org.eemt.job.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.cli.RunOptions;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;

/**
 * What a running stage can use: Spark, the options, the DEM's grid and tile plan, the product store,
 * and the manifest's {@code versions} object, where a stage records the external tools its tasks ran.
 */
public record StageContext(JavaSparkContext spark, RunOptions options, String demLocation, RasterGrid dem,
                           TilePlan plan, ProductStore store, ObjectNode versions) {

    /**
     * Runs {@code task} on every tile that still lacks one of {@code wanted}'s work tiles (a resumed
     * run skips finished tiles), one Spark task per tile, and returns the tasks' summaries.
     */
    public List<TileSummary> forEachTile(String description, List<Product> wanted, TileTask task) {
        List<TileKey> todo = unfinishedTiles(wanted);
        if (todo.isEmpty()) {
            return List.of();
        }
        spark.setJobDescription(description);
        return spark.parallelize(todo, todo.size()).map(task::run).collect();
    }

    /** The tiles that still lack a work tile of one of {@code wanted} (all of them in a fresh run). */
    public List<TileKey> unfinishedTiles(List<Product> wanted) {
        List<TileKey> todo = new ArrayList<>();
        for (TileKey key : plan.keys()) {
            try {
                if (!store.hasTiles(wanted, key)) {
                    todo.add(key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return todo;
    }
}
