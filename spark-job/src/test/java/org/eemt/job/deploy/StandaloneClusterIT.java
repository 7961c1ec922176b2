package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A standalone master and two workers from {@code submit/eemt}, and eemt.jar submitted to them. */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
    private static Path dir;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        ProjectFiles.assertPackaged();
        dir = ProjectFiles.testDirectory(StandaloneClusterIT.class);
        cluster = StandaloneCluster.started(dir, 2, List.of(), List.of());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void submittedRunMatchesLocalModeAndStatusListsWorkersAndApplication() throws Exception {
        Path out = dir.resolve("out-standalone");
        List<String> options = new ArrayList<>(List.of("--master", cluster.url(), "--name", "eemt-standalone-it"));
        options.addAll(EemtSubmit.SMALL_EXECUTORS);
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), 64), Map.of(), dir.resolve("submit.log"))) {
            assertEquals(0, submit.await(Duration.ofMinutes(4)), submit::output);
        }
        SampleRun.assertSameProducts(SampleRun.localReference(64), out);

        String status = eemtStatus();
        JsonNode state = cluster.state();
        assertEquals(2, state.path("workers").size(), state::toString);
        for (JsonNode worker : state.path("workers")) {
            assertTrue(status.lines().anyMatch(line -> line.contains(worker.path("id").asText()) && line.contains("ALIVE")),
                    () -> "worker " + worker.path("id").asText() + " not listed as ALIVE:\n" + status);
        }
        JsonNode app = StreamSupport.stream(state.path("completedapps").spliterator(), false)
                .filter(a -> a.path("name").asText().equals("eemt-standalone-it")).findFirst()
                .orElseThrow(() -> new AssertionError("the master has no finished eemt-standalone-it: " + state));
        assertTrue(status.lines().anyMatch(line -> line.contains(app.path("id").asText()) && line.contains("FINISHED")),
                () -> "application " + app.path("id").asText() + " not listed as FINISHED:\n" + status);
    }

    @Test
    void executorKilledMidRunLeavesProductsUnchanged() throws Exception {
        Path out = dir.resolve("out-executor-killed");
        Path events = Files.createDirectories(dir.resolve("events"));
        int uiPort = FreePort.next();
        List<String> options = new ArrayList<>(List.of("--master", cluster.url(), "--name", "eemt-executor-killed-it",
                "--conf", "spark.ui.port=" + uiPort, "--conf", "spark.eventLog.enabled=true",
                "--conf", "spark.eventLog.dir=" + events.toUri()));
        options.addAll(EemtSubmit.SMALL_EXECUTORS);
        // The tile size of the undisturbed reference; its tasks are long enough to be caught running.
        int tileSize = 64;
        String executorId;
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), tileSize), Map.of(), dir.resolve("submit-killed.log"))) {
            DriverApi driver = new DriverApi(uiPort);
            String appId = awaitPresent(driver::applicationId, submit, "the driver's REST API");
            executorId = awaitPresent(() -> driver.busyExecutor(appId), submit, "an executor running tasks");

            String status = eemtStatus("--app-ui", driver.ui.toString());
            assertTrue(status.contains("stages of " + appId), status);
            assertTrue(status.lines().anyMatch(line -> line.matches("\\s+stage \\d+\\.\\d+ \\w+\\s+tasks \\d+: .*")), status);

            ProcessHandle executor = executorProcess(executorId);
            executor.destroyForcibly();
            executor.onExit().get(30, TimeUnit.SECONDS);

            assertEquals(0, submit.await(Duration.ofMinutes(5)), submit::output);
        }
        SampleRun.assertSameProducts(SampleRun.localReference(tileSize), out);
        String eventLog;
        try (Stream<Path> logs = Files.list(events)) {
            Path log = logs.filter(p -> p.getFileName().toString().startsWith("app-")).findFirst().orElseThrow();
            eventLog = Files.readString(log);
        }
        assertTrue(eventLog.contains("\"Executor ID\":\"" + executorId + "\"") && eventLog.contains("SparkListenerExecutorRemoved"),
                "the event log does not record executor " + executorId + " removed");
        assertTrue(eventLog.contains("ExecutorLostFailure"), "no task was lost with the killed executor");
    }

    /** The executor JVM with this id, a descendant of one of the workers. */
    private static ProcessHandle executorProcess(String executorId) {
        return cluster.workers().stream().flatMap(w -> w.handle().descendants())
                .filter(p -> {
                    List<String> args = List.of(p.info().arguments().orElse(new String[0]));
                    int at = args.indexOf("--executor-id");
                    return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                            && at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(executorId);
                })
                .findFirst().orElseThrow(() -> new AssertionError("no JVM for executor " + executorId));
    }

    private static String eemtStatus(String... extra) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProjectFiles.EEMT.toString(), "status",
                "--master", cluster.url(), "--webui-port", Integer.toString(cluster.webUiPort)));
        command.addAll(List.of(extra));
        try (ChildProcess status = ChildProcess.start(command, Map.of(), dir.resolve("status.log"))) {
            assertEquals(0, status.await(Duration.ofMinutes(1)), status::output);
            return status.output();
        }
    }

    interface Probe {
        Optional<String> get() throws InterruptedException;
    }

    private static String awaitPresent(Probe probe, ChildProcess submit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Optional<String> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (!submit.isAlive()) {
                throw new AssertionError("the run ended before " + what + " was seen:\n" + submit.output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " not seen in 2 minutes");
    }
}
