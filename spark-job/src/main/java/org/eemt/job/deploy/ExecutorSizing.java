package org.eemt.job.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.eemt.geo.EemtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executors that fit a standalone cluster's workers, read from the master's {@code /json/}
 * before the application registers (the master itself never says why an application waits):
 * <ul>
 * <li>executor cores not set (by {@code --conf}, a properties file, the site's
 *     spark-defaults.conf or {@code --executor-cores}): {@value #PREFERRED_CORES}, or fewer if
 *     the smallest alive worker has fewer;</li>
 * <li>executor memory not set: the smallest worker's memory per core times those cores, less
 *     the JVM's overhead beyond the heap ({@link #overheadMb}), so that an executor fits its
 *     share of the worker;</li>
 * <li>whatever was set must fit at least one alive worker, cores and memory plus overhead,
 *     else {@link EemtException#environment} naming the largest worker and the request.</li>
 * </ul>
 * The master's web UI: {@code spark.eemt.master-ui} (http://HOST:PORT), else port 8080 on the
 * master's host(s). No answer or no alive worker yet: nothing is changed (Spark's own defaults).
 */
public final class ExecutorSizing {
    /** Where the master's web UI is, when not on port 8080 of the master's host. */
    public static final String MASTER_UI = "spark.eemt.master-ui";
    static final int PREFERRED_CORES = 4;
    /** Spark's smallest executor heap (UnifiedMemoryManager: 1.5 x 300 MB reserved). */
    static final long MIN_EXECUTOR_MB = 450;
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorSizing.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One alive worker: cores and memory (MB) as the master counts them. */
    record Worker(String id, int cores, long memoryMb) {
    }

    private ExecutorSizing() {
    }

    /**
     * The executor settings to add for {@code master} ({@code spark.executor.cores},
     * {@code spark.executor.memory}), none for other cluster managers.
     */
    public static Map<String, String> forMaster(String master, SparkConf conf) {
        if (!master.startsWith("spark://")) {
            return Map.of();
        }
        List<Worker> workers = aliveWorkers(master, conf);
        if (workers.isEmpty()) {
            return Map.of();
        }
        return fit(workers, conf);
    }

    /** The settings to add so that executors fit {@code workers} (at least one), or the refusal. */
    static Map<String, String> fit(List<Worker> workers, SparkConf conf) {
        Worker smallest = workers.stream().min(Comparator.comparingDouble(w -> w.memoryMb() / (double) w.cores())).orElseThrow();
        int minCores = workers.stream().mapToInt(Worker::cores).min().orElseThrow();
        Map<String, String> added = new LinkedHashMap<>();
        int cores;
        if (conf.contains("spark.executor.cores")) {
            cores = conf.getInt("spark.executor.cores", 1);
        } else {
            cores = Math.min(PREFERRED_CORES, minCores);
            added.put("spark.executor.cores", Integer.toString(cores));
        }
        long memoryMb;
        if (conf.contains("spark.executor.memory")) {
            memoryMb = conf.getSizeAsMb("spark.executor.memory");
        } else {
            memoryMb = Math.max(MIN_EXECUTOR_MB, largestHeapMb(smallest.memoryMb() * Math.min(cores, smallest.cores()) / smallest.cores()));
            added.put("spark.executor.memory", memoryMb + "m");
        }
        long overheadMb = overheadMb(memoryMb, conf);
        if (workers.stream().noneMatch(w -> w.cores() >= cores && w.memoryMb() >= memoryMb + overheadMb)) {
            Worker largest = workers.stream().max(Comparator.comparingLong(Worker::memoryMb).thenComparingInt(Worker::cores)).orElseThrow();
            throw EemtException.environment("executors of " + cores + " cores and " + memoryMb + " MB (+" + overheadMb + " MB overhead)",
                    "fit no worker of this standalone cluster: the largest, " + largest.id() + ", has " + largest.cores()
                            + " cores and " + largest.memoryMb() + " MB",
                    "ask for less (spark.executor.cores, spark.executor.memory), or leave both unset to fit the workers");
        }
        if (!added.isEmpty()) {
            LOG.info("Executors sized to the smallest of {} alive workers ({}: {} cores, {} MB): {}", workers.size(),
                    smallest.id(), smallest.cores(), smallest.memoryMb(), added);
        }
        return added;
    }

    /** The JVM memory an executor needs beyond its heap: Spark's max(384 MB, 10 %) unless set. */
    static long overheadMb(long memoryMb, SparkConf conf) {
        if (conf.contains("spark.executor.memoryOverhead")) {
            return conf.getSizeAsMb("spark.executor.memoryOverhead");
        }
        double factor = conf.getDouble("spark.executor.memoryOverheadFactor", 0.10);
        return Math.max(384, (long) Math.ceil(memoryMb * factor));
    }

    /** The largest heap whose heap plus default overhead fits {@code shareMb}. */
    private static long largestHeapMb(long shareMb) {
        return Math.min(shareMb - 384, (long) Math.floor(shareMb / 1.1));
    }

    /** The alive workers of the first master that answers ALIVE (none if no master answers). */
    static List<Worker> aliveWorkers(String master, SparkConf conf) {
        for (URI ui : masterUis(master, conf)) {
            JsonNode state;
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ui.resolve("/json/")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    continue;
                }
                state = new ObjectMapper().readTree(response.body());
            } catch (IOException e) {
                LOG.warn("Executors not sized to the workers: cannot read {}/json/ ({}); set {} to the master's web UI", ui, e.getMessage(), MASTER_UI);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            if (state.path("status").asText().equals("ALIVE")) {
                return aliveWorkers(state);
            }
        }
        return List.of();
    }

    /** The ALIVE workers in a master's {@code /json/}. */
    static List<Worker> aliveWorkers(JsonNode state) {
        List<Worker> workers = new ArrayList<>();
        for (JsonNode w : state.path("workers")) {
            if (w.path("state").asText().equals("ALIVE") && w.path("cores").asInt() > 0) {
                workers.add(new Worker(w.path("id").asText(), w.path("cores").asInt(), w.path("memory").asLong()));
            }
        }
        return workers;
    }

    private static List<URI> masterUis(String master, SparkConf conf) {
        if (conf.contains(MASTER_UI)) {
            return List.of(URI.create(conf.get(MASTER_UI).strip()).resolve("/"));
        }
        List<URI> uis = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            uis.add(StatusCommand.masterWebUi("spark://" + hostPort.strip(), 8080));
        }
        return uis;
    }
}
