package org.eemt.job.deploy;

import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ExecutorResourceRequests;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Stage-level scheduling for heterogeneous workers: a stage whose tasks want more cores each
 * (the solar stage: {@code spark.eemt.solar.task-cpus}) gets a resource profile where Spark 3.5
 * supports one, and runs with {@code spark.task.cpus} otherwise:
 * <ul>
 * <li>YARN, Kubernetes, standalone with dynamic allocation: executors of that stage's own shape
 *     ({@code max(task cpus, spark.executor.cores)} cores) are requested for it;</li>
 * <li>the same without dynamic allocation: a task-only profile on the existing executors, if they
 *     have at least that many cores;</li>
 * <li>local mode, or executors smaller than the request: no profile (the fallback).</li>
 * </ul>
 * Use: {@code StageResources.forTaskCpus(conf, n).map(rdd::withResources).orElse(rdd)}.
 */
public final class StageResources {
    /** Cores per solar task; 1 (the default) asks for nothing. */
    public static final String SOLAR_TASK_CPUS = "spark.eemt.solar.task-cpus";

    private StageResources() {
    }

    /**
     * The cores each task of a stage that asks for {@code taskCpus} holds: those it asks for where
     * {@link #forTaskCpus} gives it a profile, else {@code spark.task.cpus} (the fallback).
     */
    public static int heldCpus(SparkConf conf, int taskCpus) {
        return forTaskCpus(conf, taskCpus).isPresent() ? taskCpus : conf.getInt("spark.task.cpus", 1);
    }

    public static Optional<ResourceProfile> forTaskCpus(SparkConf conf, int taskCpus) {
        String master = conf.get("spark.master", "local[*]");
        boolean clusterManagerSupportsProfiles = master.startsWith("spark://") || master.equals("yarn") || master.startsWith("k8s://");
        if (taskCpus <= 1 || !clusterManagerSupportsProfiles) {
            return Optional.empty();
        }
        TaskResourceRequests task = new TaskResourceRequests().cpus(taskCpus);
        if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            int executorCores = Math.max(taskCpus, conf.getInt("spark.executor.cores", 1));
            ExecutorResourceRequests executor = new ExecutorResourceRequests().cores(executorCores);
            conf.getOption("spark.executor.memory").foreach(executor::memory);
            return Optional.of(new ResourceProfileBuilder().require(executor).require(task).build());
        }
        // Without dynamic allocation the executors stay as they are: tasks must fit in one.
        if (conf.getInt("spark.executor.cores", 1) < taskCpus) {
            return Optional.empty();
        }
        return Optional.of(new ResourceProfileBuilder().require(task).build());
    }
}
