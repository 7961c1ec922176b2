package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.eemt.geo.EemtException;
import org.junit.jupiter.api.Test;

/** Executor sizes from a standalone master's workers, and why an application waits, from JSON as the master writes it. */
class ExecutorSizingTest {
    private static final String MASTER_JSON = """
            {"status": "ALIVE", "workers": [
              {"id": "worker-small", "state": "ALIVE", "cores": 2, "coresfree": 2, "memory": 2048, "memoryfree": 2048},
              {"id": "worker-big", "state": "ALIVE", "cores": 16, "coresfree": 16, "memory": 65536, "memoryfree": 65536},
              {"id": "worker-gone", "state": "DEAD", "cores": 1, "coresfree": 1, "memory": 512, "memoryfree": 512}]}
            """;

    @Test
    void unsetSizesFitTheSmallestAliveWorkerWithOverhead() throws Exception {
        List<ExecutorSizing.Worker> workers = ExecutorSizing.aliveWorkers(new ObjectMapper().readTree(MASTER_JSON));
        assertEquals(2, workers.size(), "the DEAD worker is not counted");
        Map<String, String> sized = ExecutorSizing.fit(workers, new SparkConf(false));
        assertEquals(Map.of("spark.executor.cores", "2", "spark.executor.memory", "1664m"), sized);
        assertEquals(2048, 1664 + ExecutorSizing.overheadMb(1664, new SparkConf(false)), "heap plus overhead fills the share");

        List<ExecutorSizing.Worker> big = List.of(new ExecutorSizing.Worker("w", 16, 65536));
        assertEquals(Map.of("spark.executor.cores", "4", "spark.executor.memory", "14894m"), ExecutorSizing.fit(big, new SparkConf(false)),
                "4 of 16 cores and a quarter of 64 GB less 10 % overhead");
    }

    @Test
    void setSizesAreKeptWhenTheyFitAndRefusedWhenNot() throws Exception {
        List<ExecutorSizing.Worker> workers = ExecutorSizing.aliveWorkers(new ObjectMapper().readTree(MASTER_JSON));
        SparkConf fits = new SparkConf(false).set("spark.executor.cores", "8").set("spark.executor.memory", "20g");
        assertEquals(Map.of(), ExecutorSizing.fit(workers, fits), "fits worker-big: nothing added");
        SparkConf memoryOnly = new SparkConf(false).set("spark.executor.memory", "1g");
        assertEquals(Map.of("spark.executor.cores", "2"), ExecutorSizing.fit(workers, memoryOnly));

        SparkConf tooLarge = new SparkConf(false).set("spark.executor.memory", "64g");
        EemtException e = assertThrows(EemtException.class, () -> ExecutorSizing.fit(workers, tooLarge));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("65536 MB (+6554 MB overhead)") && e.getMessage().contains("worker-big"), e.getMessage());
    }

    @Test
    void statusSaysWhyAnApplicationWaits() throws Exception {
        JsonNode workers = new ObjectMapper().readTree(MASTER_JSON).path("workers");
        ObjectMapper json = new ObjectMapper();
        assertNull(StatusCommand.whyWaiting(json.readTree("{\"cores\": 4, \"memoryperexecutor\": 1024}"), workers));
        String never = StatusCommand.whyWaiting(json.readTree("{\"cores\": 0, \"memoryperexecutor\": 131072}"), workers);
        assertTrue(never.startsWith("waits forever") && never.contains("131072 MB") && never.contains("worker-big") && never.contains("65536 MB"), never);
        String cores = StatusCommand.whyWaiting(json.readTree("{\"cores\": 0, \"memoryperexecutor\": 1024}"), workers);
        assertTrue(cores.contains("spark.executor.cores"), cores);
    }
}
