package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.TaskResourceProfile;
import org.junit.jupiter.api.Test;

class StageResourcesTest {

    @Test
    void localModeAndSingleCoreTasksFallBackToSparkTaskCpus() {
        assertFalse(StageResources.forTaskCpus(conf("local[*]", false, 8), 4).isPresent());
        assertFalse(StageResources.forTaskCpus(conf("spark://node1:7077", false, 8), 1).isPresent());
    }

    @Test
    void tasksHoldTheCoresTheyAskForOnlyWhereAProfileGivesThem() {
        assertEquals(4, StageResources.heldCpus(conf("spark://node1:7077", false, 8), 4));
        assertEquals(1, StageResources.heldCpus(conf("local[*]", false, 8), 4));
        assertEquals(2, StageResources.heldCpus(conf("yarn", false, 2).set("spark.task.cpus", "2"), 4), "executors too small: spark.task.cpus");
    }

    @Test
    void withoutDynamicAllocationTasksAskForCoresOfTheExistingExecutors() {
        ResourceProfile profile = StageResources.forTaskCpus(conf("spark://node1:7077", false, 8), 4).orElseThrow();
        assertTrue(profile instanceof TaskResourceProfile, profile::toString);
        assertEquals(4, profile.getTaskCpus().get());
        assertFalse(StageResources.forTaskCpus(conf("yarn", false, 2), 4).isPresent(), "tasks larger than any executor never run");
    }

    @Test
    void withDynamicAllocationTheStageGetsExecutorsOfItsOwnShape() {
        ResourceProfile profile = StageResources.forTaskCpus(conf("k8s://https://api:6443", true, 2), 8).orElseThrow();
        assertFalse(profile instanceof TaskResourceProfile);
        assertEquals(8, profile.getTaskCpus().get());
        assertEquals(8, profile.getExecutorCores().get());
        assertEquals(6144L, profile.executorResources().get("memory").get().amount());
    }

    private static SparkConf conf(String master, boolean dynamicAllocation, int executorCores) {
        return new SparkConf(false).set("spark.master", master)
                .set("spark.dynamicAllocation.enabled", Boolean.toString(dynamicAllocation))
                .set("spark.executor.cores", Integer.toString(executorCores))
                .set("spark.executor.memory", "6g");
    }
}
