package org.eemt.job.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone master and one-core workers on 127.0.0.1, started the way an operator
 * does: {@code submit/eemt master} and {@code submit/eemt worker}.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port = FreePort.next();
    final int webUiPort = FreePort.next();
    private final Path dir;
    private final List<String> masterOptions;
    private final List<String> workerOptions;
    private ChildProcess master;
    private int masterStarts;
    private final List<ChildProcess> workers = new ArrayList<>();

    /**
     * @param daemonOptions options for the master and every worker (e.g. --secret-file)
     * @param masterOnlyOptions options for the master alone (e.g. --recovery-dir)
     */
    StandaloneCluster(Path dir, List<String> daemonOptions, List<String> masterOnlyOptions) {
        this.dir = dir;
        this.masterOptions = new ArrayList<>(daemonOptions);
        this.masterOptions.addAll(masterOnlyOptions);
        this.workerOptions = daemonOptions;
    }

    /** A master and {@code workers} workers started in {@code dir}, all of them alive. */
    static StandaloneCluster started(Path dir, int workers, List<String> daemonOptions, List<String> masterOnlyOptions)
            throws InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(dir, daemonOptions, masterOnlyOptions);
        cluster.startMaster();
        for (int i = 0; i < workers; i++) {
            cluster.startWorker();
        }
        cluster.awaitAliveWorkers(workers, Duration.ofSeconds(90));
        return cluster;
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    void startMaster() {
        List<String> command = new ArrayList<>(List.of(ProjectFiles.EEMT.toString(), "master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort)));
        command.addAll(masterOptions);
        master = ChildProcess.start(command, Map.of(), dir.resolve("master-" + ++masterStarts + ".log"));
    }

    /** Stops the master (SIGTERM) and waits until its port is closed. */
    void stopMaster() throws InterruptedException {
        master.close();
        master.await(Duration.ofSeconds(30));
    }

    ChildProcess startWorker() {
        return startWorker(1, "1g");
    }

    /** A worker offering {@code cores} cores and {@code memory} (Spark notation, e.g. 2G). */
    ChildProcess startWorker(int cores, String memory) {
        int n = workers.size() + 1;
        List<String> command = new ArrayList<>(List.of(ProjectFiles.EEMT.toString(), "worker",
                "--host", "127.0.0.1", "--master-host", "127.0.0.1", "--master-port", Integer.toString(port),
                "--webui-port", "0", "--cores", Integer.toString(cores), "--memory", memory,
                "--work-dir", dir.resolve("worker-" + n).toString(), "--disk", dir.resolve("scratch-" + n) + ":1m"));
        command.addAll(workerOptions);
        ChildProcess worker = ChildProcess.start(command, Map.of(), dir.resolve("worker-" + n + ".log"));
        workers.add(worker);
        return worker;
    }

    List<ChildProcess> workers() {
        return workers;
    }

    /** The master's /json/ state. */
    JsonNode state() throws IOException, InterruptedException {
        return masterState(webUiPort);
    }

    /** The /json/ state of the master whose web UI is on this port of 127.0.0.1. */
    static JsonNode masterState(int webUiPort) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("master /json/: HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** Waits until the master lists {@code count} ALIVE workers. */
    void awaitAliveWorkers(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode state = state();
                last = state.toString();
                if (state.path("status").asText().equals("ALIVE") && state.path("aliveworkers").asInt() == count) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(count + " alive workers not seen in " + limit + "; last state: " + last
                + "; logs in " + dir);
    }

    @Override
    public void close() {
        workers.forEach(ChildProcess::close);
        if (master != null) {
            master.close();
        }
    }
}
