package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eemt.geo.testing.ExternalTool;

/**
 * A real one-node SLURM cluster on 127.0.0.1, as Debian's {@code slurm-wlm} and {@code munge}
 * run it: munged with a key made here, slurmctld and slurmd (node {@code localhost}, 2 CPUs)
 * with a slurm.conf written here (free ports, state and spool in the test's directory,
 * proctrack/linuxproc, no cgroups). All three run in the foreground as the test's children and
 * are stopped by {@link #close}. The daemons run as root (they switch to the job's user): without
 * root, or without the tools, the calling test is skipped, loudly; CI runs as root (.ci/run).
 */
final class OneNodeSlurm implements AutoCloseable {
    /** The node's memory for jobs, MB: the job's SLURM_MEM_PER_NODE when it asks for all of it. */
    static final int NODE_MEMORY_MB = 3072;
    private static final Pattern JOB_STATE = Pattern.compile("\\bJobState=(\\S+)");

    private static final Pattern RESTARTS = Pattern.compile("\\bRestarts=(\\d+)");

    /** Where the daemons keep state and sockets: short, since a unix socket's path has at most 107 bytes. */
    private final Path dir;
    /** Where the daemons' logs are copied when they stop. */
    private final Path logs;
    private final Path conf;
    private final List<ChildProcess> daemons = new ArrayList<>();

    private OneNodeSlurm(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
        this.conf = dir.resolve("slurm.conf");
    }

    /** Starts munged, slurmctld and slurmd and waits until the node is idle; their logs end up in {@code logs}. */
    static OneNodeSlurm started(Path logs) throws IOException, InterruptedException {
        for (String tool : List.of("munged", "slurmctld", "slurmd", "sbatch", "scontrol", "srun")) {
            ExternalTool.require(tool);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("\n*** SKIPPED: a real SLURM's slurmd and munged run as root here; CI runs as root. ***\n");
        }
        assumeTrue(root, "not root");
        OneNodeSlurm slurm = new OneNodeSlurm(Files.createTempDirectory("eemt-slurm-"), Files.createDirectories(logs));
        try {
            slurm.start();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            slurm.close();
            throw e;
        }
        return slurm;
    }

    private void start() throws IOException, InterruptedException {
        Path key = dir.resolve("munge.key");
        byte[] secret = new byte[1024];
        new SecureRandom().nextBytes(secret);
        Files.write(key, secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path socket = dir.resolve("munge.socket");
        daemons.add(ChildProcess.start(List.of("munged", "--foreground", "--force", "--key-file=" + key, "--socket=" + socket,
                "--pid-file=" + dir.resolve("munged.pid"), "--seed-file=" + dir.resolve("munged.seed"),
                "--log-file=" + dir.resolve("munged.log")), Map.of(), dir.resolve("munged.out")));
        awaitFile(socket, Duration.ofSeconds(20));

        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        Files.writeString(conf, String.join("\n",
                "ClusterName=eemt-test",
                "SlurmctldHost=localhost(127.0.0.1)",
                "SlurmctldPort=" + FreePort.next(),
                "SlurmdPort=" + FreePort.next(),
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + socket,
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core_Memory",
                "SchedulerType=sched/builtin",
                "ReturnToService=2",
                "MpiDefault=none",
                "MinJobAge=600",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=" + NODE_MEMORY_MB + " State=UNKNOWN",
                "PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
                ""));
        daemons.add(ChildProcess.start(List.of("slurmctld", "-D", "-f", conf.toString()), Map.of(), dir.resolve("slurmctld.out")));
        daemons.add(ChildProcess.start(List.of("slurmd", "-D", "-f", conf.toString(), "-N", "localhost"), Map.of(), dir.resolve("slurmd.out")));
        awaitIdleNode(Duration.ofSeconds(60));
    }

    /** The environment that points SLURM's commands (and the job's srun) at this cluster. */
    Map<String, String> environment() {
        return Map.of("SLURM_CONF", conf.toString());
    }

    /** Runs a SLURM command here and returns its output; fails the test if it fails. */
    String command(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output + "\nlogs in " + logs);
        }
        return output;
    }

    /** Waits until job {@code id} has ended and returns its final state (COMPLETED, FAILED, ...). */
    String awaitJobEnd(String id, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String state = "unknown";
        while (System.nanoTime() < deadline) {
            String job = command(List.of("scontrol", "-o", "show", "job", id), dir);
            Matcher m = JOB_STATE.matcher(job);
            state = m.find() ? m.group(1) : "unknown";
            Matcher restarts = RESTARTS.matcher(job);
            if (restarts.find() && !restarts.group(1).equals("0")) {
                command(List.of("scancel", id), dir);
                throw new AssertionError("SLURM could not launch job " + id + " (requeued): see slurmd.log in " + logs);
            }
            if (!List.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "unknown").contains(state)) {
                return state;
            }
            Thread.sleep(1000);
        }
        command(List.of("scancel", id), dir);
        throw new AssertionError("SLURM job " + id + " still " + state + " after " + limit + " (cancelled); logs in " + logs);
    }

    private void awaitIdleNode(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            ProcessBuilder builder = new ProcessBuilder("sinfo", "-h", "-N", "-o", "%T").redirectErrorStream(true);
            builder.environment().putAll(environment());
            Process sinfo = builder.start();
            last = new String(sinfo.getInputStream().readAllBytes()).strip();
            sinfo.waitFor();
            if (last.equals("idle")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the SLURM node is not idle after " + limit + " (sinfo: " + last + "); logs in " + logs);
    }

    private void awaitFile(Path file, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " not created in " + limit + "; logs in " + logs);
            }
            Thread.sleep(100);
        }
    }

    /** Stops slurmd, slurmctld and munged, in that order, keeps their logs and removes their state. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
        daemons.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (file.getFileName().toString().matches(".*\\.(log|out|conf)")) {
                    Files.copy(file, logs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
