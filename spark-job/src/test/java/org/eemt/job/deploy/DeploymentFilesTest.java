package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deployment files parse, agree with each other, and name files that exist. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeploymentFilesTest {
    private static final Path PROJECT = ProjectFiles.PROJECT;
    private static final Path SUBMIT = PROJECT.resolve("submit");
    /** Where the image puts the checkout (submit/container/build-image.sh). */
    private static final String IMAGE_HOME = "/opt/eemt/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shellScriptsPassBashSyntaxCheckAndShellcheck() throws Exception {
        List<Path> scripts = shellScripts();
        assertTrue(scripts.size() >= 8, () -> "scripts found: " + scripts);
        for (Path script : scripts) {
            assertEquals("", run(List.of("bash", "-n", script.toString())), script + ": bash -n");
        }
        List<String> shellcheck = new ArrayList<>(List.of("shellcheck", "-x"));
        scripts.forEach(s -> shellcheck.add(s.toString()));
        assertEquals("", run(shellcheck), "shellcheck");
    }

    @Test
    void composeFileDefinesMasterScalableWorkersHistoryAndSubmit() throws IOException {
        Path composeFile = SUBMIT.resolve("compose/compose.yaml");
        JsonNode services = yamlDocuments(composeFile).get(0).path("services");
        for (String service : List.of("master", "worker", "history", "submit")) {
            assertEquals(k8sConf().getProperty("spark.kubernetes.container.image"), services.path(service).path("image").asText(),
                    service + " runs the image that build-image.sh makes and the k8s preset uses");
        }
        JsonNode worker = services.path("worker");
        assertFalse(worker.has("container_name") || worker.has("ports"), "a fixed name or host port would stop --scale");
        List<String> workerCommand = strings(worker.path("command"));
        assertEquals(services.path("master").path("hostname").asText(), workerCommand.get(workerCommand.indexOf("--master-host") + 1));
        for (JsonNode volume : services.path("master").path("volumes")) {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                assertTrue(Files.isDirectory(composeFile.getParent().resolve(source)), "bind mount " + source);
            }
        }
        for (String path : strings(services.path("submit").path("entrypoint"))) {
            if (path.startsWith(IMAGE_HOME)) {
                assertTrue(Files.exists(PROJECT.resolve(path.substring(IMAGE_HOME.length()))), path);
            }
        }
    }

    /** docker stack deploy reads the compose file with the 3.x schema and drops or refuses what Swarm cannot do. */
    @Test
    void composeFileIsAlsoASwarmStack() throws IOException {
        JsonNode compose = yamlDocuments(SUBMIT.resolve("compose/compose.yaml")).get(0);
        assertTrue(compose.path("version").asText().matches("3\\.\\d+"), "stack deploy needs a 3.x version: " + compose.path("version"));
        compose.fieldNames().forEachRemaining(key -> assertTrue(
                List.of("version", "services", "volumes", "networks", "configs", "secrets").contains(key) || key.startsWith("x-"),
                "top-level key '" + key + "' is not in the 3.x schema"));
        Map<String, Integer> replicas = new HashMap<>();
        compose.path("services").fields().forEachRemaining(service -> {
            JsonNode spec = service.getValue();
            for (String unsupported : List.of("build", "container_name", "profiles", "tmpfs", "links", "network_mode", "restart")) {
                assertFalse(spec.has(unsupported), service.getKey() + ": '" + unsupported + "' is ignored or refused by stack deploy");
            }
            JsonNode count = spec.path("deploy").path("replicas");
            assertTrue(count.isInt(), service.getKey() + ": deploy.replicas");
            replicas.put(service.getKey(), count.asInt());
            for (JsonNode volume : spec.path("volumes")) {
                String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                assertFalse(source.startsWith("."), service.getKey() + ": relative bind " + source + " exists on the deploying host only");
            }
        });
        assertEquals(Map.of("master", 1, "worker", 2, "history", 1, "submit", 0), replicas,
                "one master and history server, scalable workers, submit only on demand");
    }

    @Test
    void kubernetesManifestsAgreeWithTheK8sPreset() throws IOException {
        Map<String, JsonNode> byKind = new HashMap<>();
        try (Stream<Path> files = Files.list(SUBMIT.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (JsonNode document : yamlDocuments(file)) {
                    assertFalse(document.path("apiVersion").asText().isEmpty(), file + ": apiVersion");
                    byKind.put(document.path("kind").asText(), document);
                }
            }
        }
        Properties preset = k8sConf();
        String serviceAccount = preset.getProperty("spark.kubernetes.authenticate.driver.serviceAccountName");
        String namespace = preset.getProperty("spark.kubernetes.namespace");
        assertEquals(serviceAccount, byKind.get("ServiceAccount").path("metadata").path("name").asText());
        assertEquals(namespace, byKind.get("ServiceAccount").path("metadata").path("namespace").asText());
        JsonNode subject = byKind.get("RoleBinding").path("subjects").path(0);
        assertEquals(serviceAccount, subject.path("name").asText());
        assertEquals(byKind.get("Role").path("metadata").path("name").asText(), byKind.get("RoleBinding").path("roleRef").path("name").asText());
        assertEquals(preset.getProperty("spark.kubernetes.driver.volumes.persistentVolumeClaim.eemt-data.options.claimName"),
                byKind.get("PersistentVolumeClaim").path("metadata").path("name").asText());
        for (String template : List.of("spark.kubernetes.driver.podTemplateFile", "spark.kubernetes.executor.podTemplateFile")) {
            Path file = Path.of(preset.getProperty(template).replace("@EEMT_HOME@", PROJECT.toString()));
            assertEquals("Pod", yamlDocuments(file).get(0).path("kind").asText(), template);
        }

        JsonNode app = byKind.get("SparkApplication").path("spec");
        assertEquals(preset.getProperty("spark.kubernetes.container.image"), app.path("image").asText());
        assertEquals(serviceAccount, app.path("driver").path("serviceAccount").asText());
        assertEquals(namespace, byKind.get("SparkApplication").path("metadata").path("namespace").asText());
        assertEquals(org.eemt.job.cli.EemtCli.class.getName(), app.path("mainClass").asText());
        String jar = app.path("mainApplicationFile").asText();
        assertTrue(Files.readString(SUBMIT.resolve("eemt-submit")).contains("default_jar=\"" + jar + "\""), jar + " is eemt-submit's k8s jar");
        assertTrue(Files.isRegularFile(PROJECT.resolve("submit/container/build-image.sh")));
        assertTrue(Files.readString(SUBMIT.resolve("container/build-image.sh"))
                .contains("\"$stage" + jar.substring("local://".length(), jar.lastIndexOf('/')) + "/"), "the image has " + jar);
    }

    @Test
    void everyEemtSubmitPresetHasItsConf() {
        for (String preset : List.of("local", "standalone", "yarn", "k8s")) {
            assertTrue(Files.isRegularFile(PROJECT.resolve("conf/spark-defaults." + preset + ".conf")), preset);
        }
    }

    /**
     * The methods that {@code submit/eemt} keeps C2 from inlining exist: a method renamed or moved would leave its
     * directive without effect, and the JVM says nothing about a directive that matches no method.
     */
    @Test
    void theLaunchersInliningDirectivesNameMethodsThatExist() throws Exception {
        Matcher directive = Pattern.compile("-XX:CompileCommand=dontinline,([\\w.$]+)::(\\w+)")
                .matcher(Files.readString(SUBMIT.resolve("eemt")));
        int directives = 0;
        while (directive.find()) {
            String method = directive.group(2);
            Class<?> type = Class.forName(directive.group(1));
            assertTrue(Stream.of(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method)),
                    () -> "submit/eemt: " + directive.group() + ": no method " + method + " in " + type.getName());
            directives++;
        }
        assertTrue(directives > 0, "submit/eemt gives no dontinline directive");
    }

    /** The documents of a YAML file, with merge keys (compose's {@code <<: *anchor}) resolved. */
    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new org.yaml.snakeyaml.Yaml().loadAll(reader)) {
                documents.add(JSON.valueToTree(document));
            }
        }
        assertFalse(documents.isEmpty(), file + " has no YAML document");
        return documents;
    }

    private static Properties k8sConf() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROJECT.resolve("conf/spark-defaults.k8s.conf"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The deployment's scripts: every bash script in submit/, the eemt launcher included. */
    private static List<Path> shellScripts() throws IOException {
        try (Stream<Path> files = Files.walk(SUBMIT)) {
            List<Path> scripts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                if (text.startsWith("#!/usr/bin/env bash") || text.startsWith("# shellcheck shell=bash")) {
                    scripts.add(file);
                }
            }
            return scripts;
        }
    }

    /** Runs a command and returns its output, or fails with it if the command failed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + output);
        return output;
    }
}
