package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * submit/slurm/eemt.sbatch on one node, with stand-in {@code srun} (runs the step here and
 * records it) and {@code scontrol}: master, then worker, then the submitted run, then nothing left.
 */
class SlurmScriptIT {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void startsMasterThenWorkerSubmitsTheRunAndStopsTheCluster() throws Exception {
        ProjectFiles.assertPackaged();
        Path dir = ProjectFiles.testDirectory(SlurmScriptIT.class);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path steps = dir.resolve("srun-steps.log");
        Path pids = dir.resolve("srun-pids");
        standIn(bin.resolve("srun"), """
                #!/usr/bin/env bash
                set -euo pipefail
                echo "$*" >>"$STANDIN_STEPS"
                echo "$$" >>"$STANDIN_PIDS"
                while [ $# -gt 0 ] && [ "${1#--}" != "$1" ]; do shift; done
                exec "$@"
                """);
        standIn(bin.resolve("scontrol"), """
                #!/usr/bin/env bash
                set -euo pipefail
                [ "$1 $2" = "show hostnames" ] && tr ',' '\\n' <<<"$3"
                """);
        int masterPort = FreePort.next();
        Path out = dir.resolve("out");
        Map<String, String> environment = Map.ofEntries(
                Map.entry("PATH", bin + ":" + System.getenv("PATH")),
                Map.entry("STANDIN_STEPS", steps.toString()), Map.entry("STANDIN_PIDS", pids.toString()),
                Map.entry("SLURM_JOB_NODELIST", "127.0.0.1"), Map.entry("SLURM_CPUS_ON_NODE", "2"),
                Map.entry("SLURM_MEM_PER_NODE", "2048"), Map.entry("SLURM_SUBMIT_DIR", ProjectFiles.PROJECT.toString()),
                Map.entry("EEMT_MASTER_PORT", Integer.toString(masterPort)),
                Map.entry("EEMT_MASTER_WEBUI_PORT", Integer.toString(FreePort.next())),
                Map.entry("EEMT_WORKER_WEBUI_PORT", Integer.toString(FreePort.next())),
                Map.entry("EEMT_SCRATCH", dir.resolve("scratch").toString()),
                Map.entry("EEMT_SUBMIT_JAVA_OPTS", "-Xmx1g"));
        List<String> command = new java.util.ArrayList<>(List.of("bash", ProjectFiles.PROJECT.resolve("submit/slurm/eemt.sbatch").toString()));
        command.addAll(SampleRun.arguments(ProjectFiles.SAMPLE_DEM.toString(), out.toString(), 64));
        try (ChildProcess job = ChildProcess.start(command, environment, dir.resolve("job.log"))) {
            assertEquals(0, job.await(Duration.ofMinutes(5)), job::output);
            List<String> stepLines = Files.readAllLines(steps);
            assertEquals(2, stepLines.size(), stepLines::toString);
            assertTrue(stepLines.get(0).contains("--nodelist=127.0.0.1")
                    && stepLines.get(0).contains(" master --host 127.0.0.1 --port " + masterPort), stepLines.get(0));
            assertTrue(stepLines.get(1).contains("--nodelist=127.0.0.1")
                    && stepLines.get(1).contains(" worker --host 127.0.0.1 --master-host 127.0.0.1 --master-port " + masterPort)
                    && stepLines.get(1).contains("--cores 2 --memory 1024m"), stepLines.get(1));
            assertTrue(job.output().contains("eemt: stopping the cluster"), job.output());
        } finally {
            for (String pid : Files.exists(pids) ? Files.readAllLines(pids) : List.<String>of()) {
                Optional<ProcessHandle> step = ProcessHandle.of(Long.parseLong(pid.strip()));
                step.ifPresent(p -> {
                    assertFalse(p.isAlive(), "srun step " + pid + " still running after the job");
                });
            }
        }
        SampleRun.assertSameProducts(SampleRun.localReference(64), out);
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", masterPort), 2000);
            }
        }, "the master still accepts connections after the job");
    }

    private static void standIn(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
