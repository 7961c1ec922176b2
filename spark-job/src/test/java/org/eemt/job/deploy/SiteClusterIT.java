package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A standalone cluster as sites have one: a single small worker ({@code submit/eemt worker
 * --cores 2 --memory 2G}, the seed's "start small"), the site's own spark-defaults.conf, and an
 * S3-compatible object store (S3Proxy from Maven Central on 127.0.0.1, in its own JVM) holding inputs and outputs.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class SiteClusterIT {
    private static final String BUCKET = "eemt";
    private static final String ACCESS_KEY = "eemt-access";
    private static final String SECRET_KEY = "eemt-secret-key";
    private static Path dir;
    private static StandaloneCluster cluster;
    private static ChildProcess s3proxy;
    private static int s3Port;

    @BeforeAll
    static void start() throws Exception {
        ProjectFiles.assertPackaged();
        dir = ProjectFiles.testDirectory(SiteClusterIT.class);
        s3proxy = startS3Proxy();
        cluster = new StandaloneCluster(dir, List.of(), List.of());
        cluster.startMaster();
        cluster.startWorker(2, "2G");
        cluster.awaitAliveWorkers(1, Duration.ofSeconds(90));
        awaitPort(s3Port, Duration.ofSeconds(60));
        AmazonS3 client = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration("http://127.0.0.1:" + s3Port, "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY))).build();
        client.createBucket(BUCKET);
        client.shutdown();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (s3proxy != null) {
            s3proxy.close();
        }
    }

    @Test
    void smallWorkerRunsExecutorsThatFitItWithTheSiteConfiguration() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        Path site = Files.createDirectories(dir.resolve("site-conf"));
        Files.writeString(site.resolve("spark-defaults.conf"), String.join("\n",
                "spark.eventLog.enabled true",
                "spark.eventLog.dir " + events.toUri(),
                "spark.eemt.site.marker from-the-site",
                "spark.task.maxFailures 9",
                "spark.eemt.site.overridden from-the-site"));  // no last newline, as editors leave it
        Path out = dir.resolve("out-small-worker");
        List<String> options = List.of("--master", cluster.url(), "--master-ui", "http://127.0.0.1:" + cluster.webUiPort,
                "--name", "eemt-small-worker-it", "--conf", "spark.driver.memory=1g",
                "--conf", "spark.eemt.site.overridden=from-the-command-line");
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), 64),
                Map.of("SPARK_CONF_DIR", site.toString()), dir.resolve("submit-small-worker.log"))) {
            assertEquals(0, submit.await(Duration.ofMinutes(5)), submit::output);
        }
        SampleRun.assertSameProducts(SampleRun.localReference(64), out);

        JsonNode properties = sparkProperties(events);
        System.out.println("SiteClusterIT: executors on a 2-core 2 GB worker: " + properties.path("spark.executor.cores").asText()
                + " cores, " + properties.path("spark.executor.memory").asText());
        assertEquals("2", properties.path("spark.executor.cores").asText(), "cores of the 2-core worker");
        assertEquals("1664m", properties.path("spark.executor.memory").asText(), "2048 MB less max(384 MB, 10 %) overhead");
        assertEquals("from-the-site", properties.path("spark.eemt.site.marker").asText(), "the site's setting applies");
        assertEquals("4", properties.path("spark.task.maxFailures").asText(), "our preset over the site");
        assertEquals("from-the-command-line", properties.path("spark.eemt.site.overridden").asText(), "--conf over the site");

        String log4j2 = "-Dlog4j2.configurationFile=" + ProjectFiles.PROJECT.resolve("conf/log4j2.properties");
        assertTrue(properties.path("spark.executor.extraJavaOptions").asText().contains(log4j2), properties::toString);
        List<Path> executorLogs;
        try (Stream<Path> files = Files.walk(dir.resolve("worker-1"))) {
            executorLogs = files.filter(f -> f.getFileName().toString().equals("stderr")).toList();
        }
        assertTrue(!executorLogs.isEmpty(), "no executor stderr under " + dir.resolve("worker-1"));
        for (Path log : executorLogs) {
            String text = Files.readString(log);
            assertTrue(text.contains(log4j2), log + ": the executor was not started with conf/log4j2.properties");
            // Spark's built-in configuration logs INFO lines dated yy/MM/dd; conf/log4j2.properties does not.
            assertTrue(text.lines().noneMatch(line -> line.matches("\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d INFO .*")),
                    log + ": logged with Spark's default configuration");
        }
    }

    @Test
    void requestThatFitsNoWorkerExitsThreeWithinThirtySeconds() throws Exception {
        JsonNode worker = cluster.state().path("workers").get(0);
        List<String> options = List.of("--master", cluster.url(), "--master-ui", "http://127.0.0.1:" + cluster.webUiPort,
                "--conf", "spark.executor.memory=8g", "--conf", "spark.driver.memory=1g");
        long start = System.nanoTime();
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), dir.resolve("out-too-large").toString(), 64),
                Map.of(), dir.resolve("submit-too-large.log"))) {
            assertEquals(3, submit.await(Duration.ofSeconds(30)), submit::output);
            System.out.printf("SiteClusterIT: too large a request refused in %.1f s%n", (System.nanoTime() - start) / 1e9);
            List<String> lines = submit.output().lines().filter(l -> l.startsWith("eemt: ")).toList();
            assertEquals(1, lines.size(), submit::output);
            assertTrue(lines.get(0).contains("8192 MB") && lines.get(0).contains(worker.path("id").asText())
                    && lines.get(0).contains("2048 MB"), lines.get(0));
        }
    }

    @Test
    void objectStoreRunMatchesLocalResumesAndRefusesWrongCredentials() throws Exception {
        Path dem = dir.resolve("dem.tif");
        Process crop = new ProcessBuilder("gdal_translate", "-q", "-srcwin", "100", "100", "48", "48",
                ProjectFiles.SAMPLE_DEM.toString(), dem.toString()).inheritIO().start();
        assertEquals(0, crop.waitFor(), "gdal_translate");
        Path climate = Files.createDirectories(dir.resolve("climate"));
        Path fixture = org.eemt.geo.testing.TestData.shared("climate/daymet-monthly-fixture");
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(".*_2000(_ncss)?\\.nc")).toList()) {
                Files.copy(f, climate.resolve(f.getFileName()));
            }
        }
        try (FileSystem s3 = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), hadoopConf(SECRET_KEY))) {
            s3.copyFromLocalFile(new org.apache.hadoop.fs.Path(dem.toUri()), new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/in/dem.tif"));
            s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(climate.toUri()),
                    new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/in/climate"));
        }

        Path local = dir.resolve("out-local");
        List<String> command = new ArrayList<>(List.of(ProjectFiles.EEMT.toString()));
        command.addAll(eemtArguments(dem.toString(), climate.toString(), local.toString()));
        command.addAll(List.of("--master", "local[2]"));
        try (ChildProcess run = ChildProcess.start(command, Map.of(), dir.resolve("run-local.log"))) {
            assertEquals(0, run.await(Duration.ofMinutes(4)), run::output);
        }

        String out = "s3a://" + BUCKET + "/out";
        List<String> s3Arguments = eemtArguments("s3a://" + BUCKET + "/in/dem.tif", "s3a://" + BUCKET + "/in/climate", out);
        long start = System.nanoTime();
        try (ChildProcess submit = EemtSubmit.start("standalone", s3Options(SECRET_KEY), s3Arguments, Map.of(), dir.resolve("submit-s3.log"))) {
            assertEquals(0, submit.await(Duration.ofMinutes(6)), submit::output);
        }
        System.out.printf("SiteClusterIT: run with DEM, climate and outputs in the bucket: %.1f s%n", (System.nanoTime() - start) / 1e9);
        Path fromBucket = dir.resolve("out-from-bucket");
        download(out, fromBucket);
        SampleRun.assertSameProducts(local, fromBucket);

        try (ChildProcess rerun = EemtSubmit.start("standalone", s3Options(SECRET_KEY), s3Arguments, Map.of(), dir.resolve("submit-s3-rerun.log"))) {
            assertEquals(0, rerun.await(Duration.ofMinutes(4)), rerun::output);
            List<String> stages = rerun.output().lines().filter(l -> l.matches(".* stage \\w+: \\d+ products computed, .*")).toList();
            assertTrue(!stages.isEmpty(), rerun::output);
            stages.forEach(line -> assertTrue(line.contains(": 0 products computed"), "the rerun computed again: " + line));
        }
        Path rerunOut = dir.resolve("out-from-bucket-rerun");
        download(out, rerunOut);
        SampleRun.assertSameProducts(local, rerunOut);
        try (ChildProcess wrong = EemtSubmit.start("standalone", s3Options("not-the-secret"), s3Arguments, Map.of(),
                dir.resolve("submit-s3-wrong-credentials.log"))) {
            assertEquals(3, wrong.await(Duration.ofMinutes(2)), wrong::output);
            List<String> lines = wrong.output().lines().filter(l -> l.startsWith("eemt: ")).toList();
            assertEquals(1, lines.size(), wrong::output);
            // the first location in the bucket the run touches (the climate, checked while the options are read)
            assertTrue(lines.get(0).contains("s3a://" + BUCKET + "/") && lines.get(0).contains("credentials"), lines.get(0));
            assertTrue(wrong.output().lines().noneMatch(l -> l.startsWith("\tat ")), () -> "a stack trace:\n" + wrong.output());
        }
    }

    private static List<String> eemtArguments(String dem, String climate, String out) {
        return List.of("run", "--dem", dem, "--climate", climate, "--years", "2000", "--out", out,
                "--products", "eemt", "--tile-size", "32", "--step", "0.5", "--horizon-distance", "200");
    }

    private static Map<String, String> s3Settings(String secret) {
        return Map.of("fs.s3a.endpoint", "http://127.0.0.1:" + s3Port,
                "fs.s3a.endpoint.region", "us-east-1",
                "fs.s3a.path.style.access", "true",
                "fs.s3a.connection.ssl.enabled", "false",
                "fs.s3a.access.key", ACCESS_KEY,
                "fs.s3a.secret.key", secret,
                "fs.s3a.retry.limit", "2",
                "fs.s3a.attempts.maximum", "2");
    }

    private static List<String> s3Options(String secret) {
        List<String> options = new ArrayList<>(List.of("--master", cluster.url(), "--master-ui", "http://127.0.0.1:" + cluster.webUiPort,
                "--conf", "spark.driver.memory=1g"));
        s3Settings(secret).forEach((k, v) -> options.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
        return options;
    }

    private static Configuration hadoopConf(String secret) {
        Configuration conf = new Configuration();
        s3Settings(secret).forEach(conf::set);
        return conf;
    }

    private static void download(String location, Path target) throws IOException {
        try (FileSystem s3 = FileSystem.newInstance(URI.create(location), hadoopConf(SECRET_KEY))) {
            s3.copyToLocalFile(false, new org.apache.hadoop.fs.Path(location), new org.apache.hadoop.fs.Path(target.toUri()), true);
        }
    }

    /**
     * S3Proxy in its own JVM with its in-memory blob store (S3's semantics: keys, no directories;
     * its file-system store answers a "directory" key as an object, which S3 never does).
     */
    private static ChildProcess startS3Proxy() throws IOException {
        Path jar = ProjectFiles.PROJECT.resolve("spark-job/target/s3proxy/s3proxy.jar");
        assertTrue(Files.isRegularFile(jar), jar + " missing: run the tests with mvn verify");
        s3Port = FreePort.next();
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + s3Port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient", ""));
        return ChildProcess.start(List.of("java", "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()),
                Map.of(), dir.resolve("s3proxy.log"));
    }

    private static void awaitPort(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("S3Proxy not listening on 127.0.0.1:" + port + " after " + limit + "; log in " + dir);
    }

    /** The "Spark Properties" of the one application in the event log directory. */
    private static JsonNode sparkProperties(Path events) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> logs = Files.list(events)) {
            Path log = logs.filter(p -> p.getFileName().toString().startsWith("app-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no event log in " + events + ": the site's spark.eventLog settings did not apply"));
            for (String line : Files.readAllLines(log)) {
                JsonNode event = json.readTree(line);
                if (event.path("Event").asText().equals("SparkListenerEnvironmentUpdate")) {
                    return event.path("Spark Properties");
                }
            }
        }
        throw new AssertionError("no environment in the event log of " + events);
    }
}
