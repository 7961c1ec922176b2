package org.eemt.job.stage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.deploy.StageResources;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;

/**
 * What a running stage can use: Spark, the DEM (its location as tasks read it, its band, grid and
 * tile plan), the product store, and the manifest's {@code versions} object, where a stage records
 * the external tools its tasks ran.
 */
public record StageContext(JavaSparkContext spark, String demLocation, int band, RasterGrid dem,
                           TilePlan plan, ProductStore store, ObjectNode versions) {

    /**
     * Runs {@code task} on every tile that still lacks one of {@code wanted}'s work tiles (a resumed
     * run skips finished tiles), one Spark task per tile, and returns the tasks' summaries. Each task
     * holds {@code taskCpus} cores where the cluster manager can give them ({@link StageResources}; 1
     * for a task that keeps one thread busy).
     */
    public List<TileSummary> forEachTile(String description, List<Product> wanted, int taskCpus, TileTask<TileSummary> task) {
        List<TileKey> todo = unfinishedTiles(wanted);
        if (todo.isEmpty()) {
            return List.of();
        }
        return map(description, todo, taskCpus, task);
    }

    /** Runs {@code task} on every tile of the plan, one Spark task per tile; the results in tile order. */
    public <T> List<T> mapTiles(String description, TileTask<T> task) {
        return map(description, plan.keys(), 1, task);
    }

    private <T> List<T> map(String description, List<TileKey> tiles, int taskCpus, TileTask<T> task) {
        spark.setJobDescription(description);
        JavaRDD<TileKey> rdd = spark.parallelize(tiles, tiles.size());
        rdd = StageResources.forTaskCpus(spark.getConf(), taskCpus).map(rdd::withResources).orElse(rdd);
        return rdd.map(task::run).collect();
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
