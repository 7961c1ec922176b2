package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code eemt master --recovery-dir}: a restarted master takes its worker back from its FILESYSTEM state. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class StandaloneRecoveryIT {
    private static Path dir;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        ProjectFiles.assertPackaged();
        dir = ProjectFiles.testDirectory(StandaloneRecoveryIT.class);
        cluster = StandaloneCluster.started(dir, 1, List.of(), List.of("--recovery-dir", dir.resolve("recovery").toString()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void restartedMasterRecoversItsWorkerAndRunsANewJob() throws Exception {
        String workerId = cluster.state().path("workers").path(0).path("id").asText();
        try (Stream<Path> state = Files.list(dir.resolve("recovery"))) {
            assertTrue(state.anyMatch(f -> f.getFileName().toString().equals("worker_" + workerId)),
                    "the master did not persist worker " + workerId);
        }

        cluster.stopMaster();
        cluster.startMaster();
        cluster.awaitAliveWorkers(1, Duration.ofMinutes(2));
        assertEquals(workerId, cluster.state().path("workers").path(0).path("id").asText());
        String restartedLog = Files.readString(dir.resolve("master-2.log"));
        assertTrue(restartedLog.contains("Trying to recover worker: " + workerId), "the restarted master did not recover the worker from its state");

        Path out = dir.resolve("out-after-recovery");
        List<String> options = new ArrayList<>(List.of("--master", cluster.url(), "--name", "eemt-after-recovery"));
        options.addAll(EemtSubmit.SMALL_EXECUTORS);
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), 64), Map.of(), dir.resolve("submit.log"))) {
            assertEquals(0, submit.await(Duration.ofMinutes(4)), submit::output);
        }
        SampleRun.assertSameProducts(SampleRun.localReference(64), out);
    }
}
