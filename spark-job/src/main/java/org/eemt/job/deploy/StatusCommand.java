package org.eemt.job.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eemt status}: workers, cores, memory and applications from the standalone master's
 * {@code /json/}, and task counts per stage from drivers' (or a history server's) REST API,
 * what the seed's {@code work_queue_status} showed.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a standalone cluster's workers and applications, and stages' task counts.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--master", required = true,
            description = "The master: spark://HOST:PORT (its web UI then on --webui-port) or its web UI http://HOST:PORT.")
    String master;

    @Option(names = "--webui-port", description = "The master's web UI port for a spark:// URL (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int webUiPort;

    @Option(names = "--app-ui", paramLabel = "URL",
            description = "A driver's UI (http://HOST:4040) or a history server to read stages from; repeatable.")
    List<URI> appUis = new ArrayList<>();

    @Option(names = "--wait-workers", paramLabel = "N",
            description = "First wait until the master answers and has N alive workers (batch scripts: 0 before starting workers, N before submitting).")
    Integer waitWorkers;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long --wait-workers waits before giving up with exit code 3 (default: ${DEFAULT-VALUE}).")
    int waitTimeoutSeconds;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws InterruptedException {
        URI masterUi;
        try {
            masterUi = masterWebUi(master, webUiPort);
        } catch (IllegalArgumentException e) {
            System.err.println("eemt status: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        JsonNode state;
        long deadline = System.nanoTime() + waitTimeoutSeconds * 1_000_000_000L;
        while (true) {
            try {
                state = get(masterUi.resolve("/json/"));
                if (waitWorkers == null || state.path("aliveworkers").asInt() >= waitWorkers) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("eemt status: " + state.path("aliveworkers").asInt() + " of " + waitWorkers
                            + " workers alive after " + waitTimeoutSeconds + " s");
                    return ExitCodes.ENVIRONMENT;
                }
            } catch (IOException e) {
                if (waitWorkers == null || System.nanoTime() > deadline) {
                    System.err.println("eemt status: cannot read " + masterUi.resolve("/json/") + ": " + e.getMessage()
                            + " (is the master running, and is its web UI on that port?)");
                    return ExitCodes.ENVIRONMENT;
                }
            }
            Thread.sleep(1000);
        }
        printMaster(state, System.out);
        List<String> appIds = new ArrayList<>();
        state.path("activeapps").forEach(app -> appIds.add(app.path("id").asText()));
        state.path("completedapps").forEach(app -> appIds.add(app.path("id").asText()));
        for (URI appUi : appUis) {
            printStages(appUi, appIds, System.out);
        }
        return 0;
    }

    static URI masterWebUi(String master, int webUiPort) {
        URI uri = URI.create(master.strip());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--master " + master + " is neither spark://HOST:PORT nor http://HOST:PORT");
        }
        return switch (uri.getScheme()) {
            case "spark" -> URI.create("http://" + uri.getHost() + ":" + webUiPort + "/");
            case "http", "https" -> uri.resolve("/");
            default -> throw new IllegalArgumentException("--master " + master + " is neither spark://HOST:PORT nor http://HOST:PORT");
        };
    }

    private static void printMaster(JsonNode state, PrintStream out) {
        out.printf("master %s %s: %d workers alive, cores %d used of %d, memory %s used of %s%n",
                state.path("url").asText(), state.path("status").asText(), state.path("aliveworkers").asInt(),
                state.path("coresused").asInt(), state.path("cores").asInt(),
                megabytes(state.path("memoryused")), megabytes(state.path("memory")));
        out.println("workers:");
        for (JsonNode worker : state.path("workers")) {
            out.printf("  %-45s %-8s cores %d used of %d, memory %s used of %s, %s%n",
                    worker.path("id").asText(), worker.path("state").asText(),
                    worker.path("coresused").asInt(), worker.path("cores").asInt(),
                    megabytes(worker.path("memoryused")), megabytes(worker.path("memory")),
                    worker.path("webuiaddress").asText());
        }
        printApplications("running applications:", state.path("activeapps"), out);
        for (JsonNode app : state.path("activeapps")) {
            String why = whyWaiting(app, state.path("workers"));
            if (why != null) {
                out.println("  " + app.path("id").asText() + " " + why);
            }
        }
        printApplications("finished applications:", state.path("completedapps"), out);
    }

    private static void printApplications(String title, JsonNode apps, PrintStream out) {
        out.println(title);
        for (JsonNode app : apps) {
            out.printf("  %-28s %-9s %-20s cores %d, %s per executor, %.1f s%n",
                    app.path("id").asText(), app.path("state").asText(), app.path("name").asText(),
                    app.path("cores").asInt(), megabytes(app.path("memoryperexecutor")),
                    app.path("duration").asLong() / 1000.0);
        }
    }

    /**
     * Why an application the master has given no cores waits, from the memory it asks per
     * executor (the master's JSON does not publish its cores per executor) and the workers; null
     * when it runs.
     */
    static String whyWaiting(JsonNode app, JsonNode workers) {
        if (app.path("cores").asInt() > 0) {
            return null;
        }
        long askedMb = app.path("memoryperexecutor").asLong();
        JsonNode largest = null;
        boolean freeNow = false;
        for (JsonNode w : workers) {
            if (!w.path("state").asText().equals("ALIVE")) {
                continue;
            }
            if (largest == null || w.path("memory").asLong() > largest.path("memory").asLong()) {
                largest = w;
            }
            freeNow |= w.path("memoryfree").asLong() >= askedMb && w.path("coresfree").asInt() > 0;
        }
        if (largest == null) {
            return "waits: no alive worker";
        }
        if (largest.path("memory").asLong() < askedMb) {
            return "waits forever: asks " + askedMb + " MB per executor, the largest worker (" + largest.path("id").asText() + ") has "
                    + largest.path("memory").asLong() + " MB; resubmit asking less (or nothing: eemt sizes executors to the workers)";
        }
        return freeNow
                ? "waits: asks " + askedMb + " MB per executor, which a worker has free; its cores per executor (spark.executor.cores) may exceed every worker's free cores"
                : "waits: asks " + askedMb + " MB per executor; no worker has that much and a core free now (busy with other applications)";
    }

    private void printStages(URI appUi, List<String> masterAppIds, PrintStream out) throws InterruptedException {
        URI api = appUi.resolve("/api/v1/applications");
        JsonNode apps;
        try {
            apps = get(api);
        } catch (IOException e) {
            out.println("stages: cannot read " + api + ": " + e.getMessage());
            return;
        }
        for (JsonNode app : apps) {
            String id = app.path("id").asText();
            if (!masterAppIds.isEmpty() && !masterAppIds.contains(id)) {
                continue;
            }
            out.println("stages of " + id + " (" + app.path("name").asText() + "):");
            try {
                for (JsonNode stage : get(URI.create(api + "/" + id + "/stages"))) {
                    out.printf("  stage %d.%d %-8s tasks %d: %d complete, %d active, %d failed  %s%n",
                            stage.path("stageId").asInt(), stage.path("attemptId").asInt(), stage.path("status").asText(),
                            stage.path("numTasks").asInt(), stage.path("numCompleteTasks").asInt(),
                            stage.path("numActiveTasks").asInt(), stage.path("numFailedTasks").asInt(),
                            stage.path("name").asText());
                }
            } catch (IOException e) {
                out.println("  cannot read stages: " + e.getMessage());
            }
        }
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private static String megabytes(JsonNode mb) {
        return Sizes.format(mb.asLong() << 20);
    }
}
