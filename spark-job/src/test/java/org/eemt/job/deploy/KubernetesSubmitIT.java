package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code eemt-submit k8s} against the fabric8 mock API server: the driver pod that Spark creates
 * from conf/spark-defaults.k8s.conf and submit/k8s/ carries our image, resources, service account,
 * volumes, pod template and conf.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KubernetesSubmitIT {
    private static final String NAMESPACE = "eemt";
    private static KubernetesMockServer server;
    private static KubernetesClient client;
    private static Path dir;
    private static Pod driver;
    private static Properties sparkProperties;

    @BeforeAll
    static void submitToMockApiServer() throws Exception {
        ProjectFiles.assertPackaged();
        dir = ProjectFiles.testDirectory(KubernetesSubmitIT.class);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new ServerSideApplyDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
        try (InputStream rbac = Files.newInputStream(ProjectFiles.PROJECT.resolve("submit/k8s/rbac.yaml"))) {
            client.load(rbac).create();
        }
        List<String> options = List.of("--master", "k8s://http://127.0.0.1:" + server.getPort(), "--name", "eemt-k8s-it",
                "--conf", "spark.kubernetes.submission.waitAppCompletion=false",
                "--conf", "spark.driver.memory=2g");
        Map<String, String> environment = Map.of(
                "EEMT_SUBMIT_JAVA_OPTS", "-Xmx512m -Dkubernetes.auth.tryKubeConfig=false -Dkubernetes.auth.tryServiceAccount=false",
                "KUBECONFIG", dir.resolve("no-kubeconfig").toString());
        try (ChildProcess submit = EemtSubmit.start("k8s", options,
                SampleRun.arguments("/data/mcn_10m.tif", "/data/eemt-out", 512), environment, dir.resolve("submit.log"))) {
            assertEquals(0, submit.await(Duration.ofMinutes(3)), submit::output);
        }
        List<Pod> drivers = client.pods().inNamespace(NAMESPACE).withLabel("spark-role", "driver").list().getItems();
        assertEquals(1, drivers.size(), "driver pods");
        driver = drivers.get(0);
        String configMapName = volume(driver, "spark-conf-volume-driver").getConfigMap().getName();
        ConfigMap conf = client.configMaps().inNamespace(NAMESPACE).withName(configMapName).get();
        sparkProperties = new Properties();
        sparkProperties.load(new java.io.StringReader(conf.getData().get("spark.properties")));
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void driverRunsOurImageWithTheServiceAccountOfTheRbacManifest() {
        Container container = driverContainer();
        assertEquals("localhost/eemt:latest", container.getImage());
        assertEquals("IfNotPresent", container.getImagePullPolicy());
        RoleBinding binding = client.rbac().roleBindings().inNamespace(NAMESPACE).withName("eemt-spark-driver").get();
        assertEquals(binding.getSubjects().get(0).getName(), driver.getSpec().getServiceAccountName());
        assertEquals("eemt-spark", driver.getSpec().getServiceAccountName());
        assertEquals(NAMESPACE, driver.getMetadata().getNamespace());
    }

    @Test
    void driverResourcesFollowTheConf() {
        Map<String, Quantity> requests = driverContainer().getResources().getRequests();
        Map<String, Quantity> limits = driverContainer().getResources().getLimits();
        assertEquals(new Quantity("1"), requests.get("cpu"));
        assertEquals(new Quantity("2"), limits.get("cpu"));
        // spark.driver.memory 2g plus Spark's overhead, max(10 %, 384 MiB).
        long memoryMiB = 2048 + Math.max(2048 / 10, 384);
        assertEquals(new Quantity(memoryMiB + "Mi"), requests.get("memory"));
        assertEquals(new Quantity(memoryMiB + "Mi"), limits.get("memory"));
    }

    @Test
    void driverMountsTheDataVolumeAndThePodTemplateScratch() {
        assertEquals("eemt-data", volume(driver, "eemt-data").getPersistentVolumeClaim().getClaimName());
        assertTrue(volume(driver, "eemt-scratch").getEmptyDir() != null, "eemt-scratch is an emptyDir");
        Map<String, String> mounts = driverContainer().getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getName, VolumeMount::getMountPath));
        assertEquals("/data", mounts.get("eemt-data"));
        assertEquals("/scratch", mounts.get("eemt-scratch"));
    }

    @Test
    void driverCarriesThePodTemplateAndTheExecutorTemplate() throws Exception {
        assertEquals("eemt-driver", driverContainer().getName());
        assertEquals("eemt", driver.getMetadata().getLabels().get("app.kubernetes.io/name"));
        assertEquals("driver", driver.getMetadata().getLabels().get("app.kubernetes.io/component"));
        assertEquals(185L, driver.getSpec().getSecurityContext().getRunAsUser());
        Map<String, String> env = driverContainer().getEnv().stream()
                .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertEquals("/opt/eemt/conf", env.get("EEMT_CONF_DIR"));
        // The executor template travels to the driver in a ConfigMap, mounted for it to create executors.
        Volume templateVolume = volume(driver, "pod-template-volume");
        ConfigMap template = client.configMaps().inNamespace(NAMESPACE).withName(templateVolume.getConfigMap().getName()).get();
        String executorTemplate = Files.readString(ProjectFiles.PROJECT.resolve("submit/k8s/executor-pod-template.yaml"));
        assertTrue(template.getData().containsValue(executorTemplate), "the executor pod template, verbatim");
    }

    @Test
    void driverRunsEemtWithTheMergedSparkConf() {
        List<String> args = driverContainer().getArgs();
        assertEquals("driver", args.get(0));
        assertTrue(args.containsAll(List.of("--class", "org.eemt.job.cli.EemtCli", "local:///opt/eemt/eemt.jar")), args::toString);
        List<String> runArguments = args.subList(args.indexOf("local:///opt/eemt/eemt.jar") + 1, args.size());
        assertEquals(SampleRun.arguments("/data/mcn_10m.tif", "/data/eemt-out", 512), runArguments);
        // conf/spark-defaults.conf.template, then the k8s preset, then the submit's --conf.
        assertEquals("true", sparkProperties.getProperty("spark.kryo.registrationRequired"));
        assertEquals("4", sparkProperties.getProperty("spark.executor.cores"));
        assertEquals("6g", sparkProperties.getProperty("spark.executor.memory"));
        assertEquals("2g", sparkProperties.getProperty("spark.driver.memory"));
        assertEquals("eemt-k8s-it", sparkProperties.getProperty("spark.app.name"));
    }

    private static Container driverContainer() {
        return driver.getSpec().getContainers().get(0);
    }

    private static Volume volume(Pod pod, String name) {
        return pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name + " in " + pod.getSpec().getVolumes()));
    }
}
