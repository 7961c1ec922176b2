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
 * What a running stage can use: Spark, the DEM (its location as tasks read it, its band, grid, tile plan and highest
 * valid elevation in metres, which the plan's count of valid cells finds; NaN before it), the product store, and the
 * manifest's {@code versions} object, where a stage records the external tools its tasks ran.
 */
public record StageContext(JavaSparkContext spark, String demLocation, int band, RasterGrid dem,
                           TilePlan plan, ProductStore store, ObjectNode versions, double demHighestMetres) {

    /**
     * The job property that gives the work of each task of a tile job, in task order (the cells of its tile's core,
     * comma-separated), for the progress line's estimate of the time left.
     */
    public static final String TASK_WORK = "eemt.task.work";
    /**
     * The job property that says a tile job's tasks borrow the idle cores of their executor ("true"): what the running
     * tasks have left is shared among the cores, for the progress line's estimate of the time left.
     */
    public static final String TASKS_BORROW_IDLE_CORES = "eemt.task.borrows";

    /** This context with the DEM's highest valid elevation (m). */
    public StageContext withDemHighest(double metres) {
        return new StageContext(spark, demLocation, band, dem, plan, store, versions, metres);
    }

    /**
     * Runs {@code task} on every tile that still lacks one of {@code wanted}'s work tiles (a resumed
     * run skips finished tiles), one Spark task per tile, and returns the tasks' summaries. Each task
     * holds {@code taskCpus} cores where the cluster manager can give them ({@link StageResources}; 1
     * for a task that keeps one thread busy); {@code borrowsIdleCores}: the tasks borrow the idle cores of their executor
     * ({@link #TASKS_BORROW_IDLE_CORES}).
     */
    public List<TileSummary> forEachTile(String description, List<Product> wanted, int taskCpus, boolean borrowsIdleCores,
                                         TileTask<TileSummary> task) {
        List<TileKey> todo = unfinishedTiles(wanted);
        if (todo.isEmpty()) {
            return List.of();
        }
        return map(description, todo, taskCpus, borrowsIdleCores, task);
    }

    /** Runs {@code task} on every tile of the plan, one Spark task per tile; the results in tile order. */
    public <T> List<T> mapTiles(String description, TileTask<T> task) {
        return map(description, plan.keys(), 1, false, task);
    }

    private <T> List<T> map(String description, List<TileKey> tiles, int taskCpus, boolean borrowsIdleCores, TileTask<T> task) {
        spark.setJobDescription(description);
        StringBuilder work = new StringBuilder();
        for (TileKey key : tiles) {
            work.append(work.isEmpty() ? "" : ",").append(plan.core(key).cells());
        }
        spark.setLocalProperty(TASK_WORK, work.toString());
        spark.setLocalProperty(TASKS_BORROW_IDLE_CORES, Boolean.toString(borrowsIdleCores));
        try {
            JavaRDD<TileKey> rdd = spark.parallelize(tiles, tiles.size());
            rdd = StageResources.forTaskCpus(spark.getConf(), taskCpus).map(rdd::withResources).orElse(rdd);
            return rdd.map(task::run).collect();
        } finally {
            spark.setLocalProperty(TASK_WORK, null);
            spark.setLocalProperty(TASKS_BORROW_IDLE_CORES, null);
        }
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
