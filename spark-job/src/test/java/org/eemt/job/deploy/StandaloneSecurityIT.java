package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A standalone cluster with spark.authenticate and conf/security/spark-security.conf. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class StandaloneSecurityIT {
    private static final Path SECURITY_CONF = ProjectFiles.PROJECT.resolve("conf/security/spark-security.conf");
    private static Path dir;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startSecuredCluster() throws Exception {
        ProjectFiles.assertPackaged();
        dir = ProjectFiles.testDirectory(StandaloneSecurityIT.class);
        Path secret = secretFile(dir.resolve("cluster.secret"));
        List<String> secured = List.of("--secret-file", secret.toString(), "--properties-file", SECURITY_CONF.toString());
        cluster = StandaloneCluster.started(dir, 1, secured, List.of());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void applicationWithAnotherSecretIsRefused() throws Exception {
        Path wrongSecret = secretFile(dir.resolve("wrong.secret"));
        int exit = submit("eemt-wrong-secret", Map.of("EEMT_SECRET_FILE", wrongSecret.toString()), "out-refused");
        String log = Files.readString(dir.resolve("eemt-wrong-secret.log"));
        assertEquals(3, exit, "a refused application is an environment error (exit 3); see " + dir.resolve("eemt-wrong-secret.log"));
        // Spark reports the refused handshake as "Authentication failed", or, when the master drops the connection
        // first, as its auth bootstrap interrupted: either way the failure is in the authentication handshake
        assertTrue(log.contains("Authentication failed") || log.contains("AuthClientBootstrap.doSparkAuth"),
                "the run did not fail on authentication; see " + dir.resolve("eemt-wrong-secret.log"));
        assertTrue(log.contains("the standalone master did not register this application"),
                "no one-line explanation of the refusal; see " + dir.resolve("eemt-wrong-secret.log"));
        assertFalse(Files.exists(dir.resolve("out-refused/terrain")), "a refused application wrote products");
        assertFalse(applicationNames().contains("eemt-wrong-secret"), "the master accepted an application with the wrong secret");
    }

    @Test
    void applicationWithTheSecretRuns() throws Exception {
        int exit = submit("eemt-right-secret", Map.of("EEMT_SECRET_FILE", dir.resolve("cluster.secret").toString()), "out-secured");
        assertEquals(0, exit, () -> "see " + dir.resolve("eemt-right-secret.log"));
        SampleRun.assertSameProducts(SampleRun.localReference(64), dir.resolve("out-secured"));
        assertEquals(List.of("eemt-right-secret"), applicationNames());
    }

    private static int submit(String name, Map<String, String> environment, String out) throws InterruptedException {
        List<String> options = new ArrayList<>(List.of("--master", cluster.url(), "--name", name,
                "--properties-file", SECURITY_CONF.toString()));
        options.addAll(EemtSubmit.SMALL_EXECUTORS);
        try (ChildProcess submit = EemtSubmit.start("standalone", options,
                SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), dir.resolve(out).toString(), 64),
                environment, dir.resolve(name + ".log"))) {
            return submit.await(Duration.ofMinutes(4));
        }
    }

    private static List<String> applicationNames() throws Exception {
        JsonNode state = cluster.state();
        List<String> names = new ArrayList<>();
        for (String list : List.of("activeapps", "completedapps")) {
            StreamSupport.stream(state.path(list).spliterator(), false).forEach(app -> names.add(app.path("name").asText()));
        }
        return names;
    }

    private static Path secretFile(Path file) throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
