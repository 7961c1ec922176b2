package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code eemt master --zookeeper}: two masters elect a leader in a real ZooKeeper (Debian's
 * {@code zookeeper} 3.8, started here on 127.0.0.1); a worker and a submit know both masters.
 * While a run is in progress the leader is killed (SIGKILL); the standby takes over the worker
 * and the application from ZooKeeper's state, and the run completes with the products of an
 * undisturbed local run.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StandaloneZooKeeperIT {
    /** Debian's ZooKeeper server; its manifest names its dependencies. */
    private static final Path ZOOKEEPER_JAR = Path.of("/usr/share/java/zookeeper.jar");
    private static final List<ChildProcess> PROCESSES = new ArrayList<>();
    private static Path dir;
    private static int zooKeeperPort;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        ProjectFiles.assertPackaged();
        if (!Files.isRegularFile(ZOOKEEPER_JAR)) {
            System.err.println("\n*** SKIPPED: " + ZOOKEEPER_JAR + " missing: apt-get install zookeeper (CI installs it, .ci/run). ***\n");
        }
        assumeTrue(Files.isRegularFile(ZOOKEEPER_JAR), "zookeeper not installed");
        dir = ProjectFiles.testDirectory(StandaloneZooKeeperIT.class);
        zooKeeperPort = FreePort.next();
        // tickTime 500 ms caps sessions at 10 s (20 ticks): a killed master's leadership ends within that.
        Path config = dir.resolve("zoo.cfg");
        Files.writeString(config, String.join("\n", "tickTime=500", "dataDir=" + dir.resolve("zookeeper"),
                "clientPortAddress=127.0.0.1", "clientPort=" + zooKeeperPort, "admin.enableServer=false",
                "4lw.commands.whitelist=ruok", ""));
        PROCESSES.add(ChildProcess.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", ZOOKEEPER_JAR.toString(), "org.apache.zookeeper.server.ZooKeeperServerMain", config.toString()),
                Map.of(), dir.resolve("zookeeper.log")));
    }

    @AfterAll
    static void stopAll() {
        for (int i = PROCESSES.size() - 1; i >= 0; i--) {
            PROCESSES.get(i).close();
        }
    }

    @Test
    void standbyMasterTakesOverTheRunningApplicationWhenTheLeaderIsKilled() throws Exception {
        Path reference = SampleRun.localReference(64);
        String zooKeeper = "127.0.0.1:" + zooKeeperPort;
        int[] ports = {FreePort.next(), FreePort.next()};
        int[] webUiPorts = {FreePort.next(), FreePort.next()};
        ChildProcess leader = master(1, ports[0], webUiPorts[0], zooKeeper);
        awaitState(webUiPorts[0], s -> s.path("status").asText().equals("ALIVE"), "master 1 ALIVE", Duration.ofSeconds(90));
        master(2, ports[1], webUiPorts[1], zooKeeper);
        awaitState(webUiPorts[1], s -> s.path("status").asText().equals("STANDBY"), "master 2 STANDBY", Duration.ofSeconds(90));

        String masters = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        PROCESSES.add(ChildProcess.start(List.of(ProjectFiles.EEMT.toString(), "worker", "--host", "127.0.0.1",
                "--master-host", masters, "--webui-port", "0", "--cores", "2", "--memory", "2g",
                "--work-dir", dir.resolve("worker").toString(), "--disk", dir.resolve("scratch").toString()),
                Map.of(), dir.resolve("worker.log")));
        awaitState(webUiPorts[0], s -> s.path("aliveworkers").asInt() == 1, "a worker on master 1", Duration.ofSeconds(90));

        Path out = dir.resolve("out");
        List<String> options = new ArrayList<>(List.of("--master", "spark://" + masters, "--name", "eemt-zookeeper-ha"));
        options.addAll(EemtSubmit.SMALL_EXECUTORS);
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), 64), Map.of(), dir.resolve("submit.log"))) {
            JsonNode running = awaitState(webUiPorts[0], s -> s.path("activeapps").size() == 1
                    && s.path("activeapps").path(0).path("state").asText().equals("RUNNING"), "the run on master 1", Duration.ofMinutes(2));
            String appId = running.path("activeapps").path(0).path("id").asText();
            awaitLine(submit, "[eemt] plan:", Duration.ofMinutes(2));
            // SIGKILL to the Master JVM first, then to its launcher (submit/eemt master): nothing stops cleanly.
            List<ProcessHandle> daemon = leader.handle().descendants().toList();
            assertFalse(daemon.isEmpty(), "master 1's daemon JVM not found");
            long killed = System.nanoTime();
            daemon.forEach(ProcessHandle::destroyForcibly);
            leader.handle().destroyForcibly();
            for (ProcessHandle process : daemon) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }

            JsonNode takenOver = awaitState(webUiPorts[1], s -> s.path("status").asText().equals("ALIVE")
                    && s.path("aliveworkers").asInt() == 1, "master 2 ALIVE with the worker", Duration.ofMinutes(2));
            System.out.printf("ZooKeeper HA: master 2 ALIVE with the worker %.1f s after master 1 was killed%n",
                    (System.nanoTime() - killed) / 1e9);
            assertTrue(takenOver.path("activeapps").toString().contains(appId)
                    || takenOver.path("completedapps").toString().contains(appId), "master 2 does not know " + appId + ": " + takenOver);
            assertEquals(0, submit.await(Duration.ofMinutes(4)), submit::output);
            System.out.printf("ZooKeeper HA: the run ended %.1f s after master 1 was killed%n", (System.nanoTime() - killed) / 1e9);
        }
        String standbyLog = Files.readString(dir.resolve("master-2.log"));
        assertTrue(standbyLog.contains("I have been elected leader!"), "master 2 was not elected");
        assertTrue(standbyLog.contains("Trying to recover app:") && standbyLog.contains("Trying to recover worker:"),
                "master 2 did not recover the application and the worker from ZooKeeper");
        awaitState(webUiPorts[1], s -> s.path("completedapps").toString().contains("eemt-zookeeper-ha"),
                "the run completed on master 2", Duration.ofSeconds(30));
        SampleRun.assertSameProducts(reference, out);
    }

    private static ChildProcess master(int n, int port, int webUiPort, String zooKeeper) {
        ChildProcess master = ChildProcess.start(List.of(ProjectFiles.EEMT.toString(), "master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort),
                "--zookeeper", zooKeeper, "--zookeeper-dir", "/eemt-test"), Map.of(), dir.resolve("master-" + n + ".log"));
        PROCESSES.add(master);
        return master;
    }

    private static JsonNode awaitState(int webUiPort, Predicate<JsonNode> condition, String what, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode state = StandaloneCluster.masterState(webUiPort);
                last = state.toString();
                if (condition.test(state)) {
                    return state;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " not seen in " + limit + "; last state: " + last + "; logs in " + dir);
    }

    private static void awaitLine(ChildProcess process, String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!process.output().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("'" + text + "' not in " + process.log() + " within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
