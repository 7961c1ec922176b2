package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sbatch submit/slurm/eemt.sbatch} on a real one-node SLURM ({@link OneNodeSlurm}): the
 * job starts a master and a worker with srun, submits the run, and stops the cluster; its products
 * equal a local run's, its output names the master's URL and web UI, and nothing of the cluster
 * is left running afterwards. The PBS and LSF scripts run the same submit/lib/allocation.sh.
 */
class SlurmScriptIT {

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void sbatchRunsTheJobOnItsOwnSparkClusterAndLeavesNothingRunning() throws Exception {
        ProjectFiles.assertPackaged();
        Path dir = ProjectFiles.testDirectory(SlurmScriptIT.class);
        Path reference = SampleRun.localReference(64);
        try (OneNodeSlurm slurm = OneNodeSlurm.started(dir.resolve("slurm"))) {
            int masterPort = FreePort.next();
            int webUiPort = FreePort.next();
            Path out = dir.resolve("out");
            // sbatch passes this environment on to the job (--export=ALL, its default).
            List<String> command = new ArrayList<>(List.of("env",
                    "EEMT_MASTER_PORT=" + masterPort, "EEMT_MASTER_WEBUI_PORT=" + webUiPort,
                    "EEMT_WORKER_WEBUI_PORT=" + FreePort.next(), "EEMT_SCRATCH=" + dir.resolve("scratch"),
                    "EEMT_SUBMIT_JAVA_OPTS=-Xmx1g", "SPARK_LOCAL_IP=127.0.0.1",
                    // The script asks for 4 exclusive 32-core nodes; this cluster has one 2-core node.
                    "sbatch", "--parsable", "--nodes=1", "--cpus-per-task=2", "--mem=" + OneNodeSlurm.NODE_MEMORY_MB,
                    "--time=10", "--output=" + dir.resolve("eemt-%j.log"),
                    ProjectFiles.PROJECT.resolve("submit/slurm/eemt.sbatch").toString()));
            command.addAll(SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), 64));
            long start = System.nanoTime();
            String job = slurm.command(command, ProjectFiles.PROJECT).strip();
            String state = slurm.awaitJobEnd(job, Duration.ofMinutes(5));
            System.out.printf("SLURM job %s: %s in %.1f s%n", job, state, (System.nanoTime() - start) / 1e9);
            String output = Files.readString(dir.resolve("eemt-" + job + ".log"));
            assertEquals("COMPLETED", state, output);
            assertTrue(output.contains("master spark://localhost:" + masterPort), output);
            assertTrue(output.contains("web UI http://localhost:" + webUiPort), output);
            assertTrue(output.contains("eemt: stopping the cluster"), output);

            List<String> leftOver = ProcessHandle.allProcesses()
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(cmd -> cmd.contains(dir.toString()) && !cmd.contains("slurm.conf") && !cmd.contains("munge")
                            || cmd.contains("spark://localhost:" + masterPort)
                            || cmd.contains("org.apache.spark.deploy.master.Master") && cmd.contains("--port " + masterPort))
                    .toList();
            assertEquals(List.of(), leftOver, "processes of the job's Spark cluster still running after the job");
            assertEquals("", slurm.command(List.of("squeue", "-h"), dir).strip(), "jobs still in the queue");
            SampleRun.assertSameProducts(reference, out);
        }
    }
}
