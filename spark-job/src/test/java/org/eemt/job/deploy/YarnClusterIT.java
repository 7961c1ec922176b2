package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** eemt.jar on YARN in cluster mode, the DEM and the products on HDFS (Hadoop's mini clusters). */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class YarnClusterIT {
    private static Path dir;
    private static MiniDFSCluster hdfs;
    private static MiniYARNCluster yarn;
    private static Path hadoopConfDir;

    @BeforeAll
    static void startClusters() throws IOException {
        ProjectFiles.assertPackaged();
        dir = ProjectFiles.testDirectory(YarnClusterIT.class);
        Configuration conf = new YarnConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        yarn = new MiniYARNCluster("eemt-yarn-it", 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        hadoopConfDir = writeClientConfiguration(yarn.getConfig(), hdfs.getURI().toString());
    }

    @AfterAll
    static void stopClusters() throws IOException {
        if (yarn != null) {
            yarn.stop();
        }
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void clusterModeRunWithDemAndProductsOnHdfsMatchesLocalMode() throws Exception {
        FileSystem fs = hdfs.getFileSystem();
        org.apache.hadoop.fs.Path dem = new org.apache.hadoop.fs.Path("/input/mcn_10m.tif");
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(ProjectFiles.SAMPLE_DEM.toString()), dem);
        String out = hdfs.getURI() + "/products/yarn";

        List<String> options = new ArrayList<>(List.of("--deploy-mode", "cluster", "--name", "eemt-yarn-it",
                "--conf", "spark.yarn.jars=local:" + ProjectFiles.SPARK_JARS + "/*",
                "--conf", "spark.yarn.maxAppAttempts=1",
                "--conf", "spark.dynamicAllocation.enabled=false",
                "--conf", "spark.executor.instances=2",
                "--conf", "spark.executor.memoryOverhead=384m",
                "--conf", "spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
                "--conf", "spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1"));
        options.addAll(EemtSubmit.SMALL_EXECUTORS);
        try (ChildProcess submit = EemtSubmit.start("yarn", options,
                SampleRun.arguments(hdfs.getURI() + dem.toString(), out, 64),
                Map.of("HADOOP_CONF_DIR", hadoopConfDir.toString()), dir.resolve("submit.log"))) {
            assertEquals(0, submit.await(Duration.ofMinutes(4)), submit::output);
        }

        Path local = dir.resolve("products-from-hdfs");
        fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(local.toUri()), true);
        SampleRun.assertSameProducts(SampleRun.localReference(64), local);
    }

    /** What a YARN client needs, and no more (a full dump breaks the application master). */
    private static Path writeClientConfiguration(Configuration yarnConf, String defaultFs) throws IOException {
        Path confDir = Files.createDirectories(dir.resolve("hadoop-conf"));
        Configuration yarnSite = new Configuration(false);
        for (String key : List.of(YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS)) {
            yarnSite.set(key, yarnConf.get(key));
        }
        Configuration coreSite = new Configuration(false);
        coreSite.set("fs.defaultFS", defaultFs);
        Configuration hdfsSite = new Configuration(false);
        hdfsSite.set("dfs.replication", "1");
        write(yarnSite, confDir.resolve("yarn-site.xml"));
        write(coreSite, confDir.resolve("core-site.xml"));
        write(hdfsSite, confDir.resolve("hdfs-site.xml"));
        return confDir;
    }

    private static void write(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }
}
