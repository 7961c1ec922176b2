package org.eemt.job.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eemt worker}: a Spark standalone worker joining a master (the seed's start-worker). */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Start a Spark standalone worker that offers cores, memory and local disk to a master.")
public final class WorkerCommand implements Callable<Integer> {
    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    @Option(names = "--master-host", required = true, split = ",", paramLabel = "HOST[:PORT]",
            description = "Host of the master to join; with ZooKeeper HA, every master's host (node1,node2), each with its own port if it differs from --master-port (node1:7077,node2:7078).")
    List<String> masterHosts;

    @Option(names = "--master-port", description = "Port of the master (default: ${DEFAULT-VALUE}).", defaultValue = "7077")
    int masterPort;

    @Option(names = "--webui-port", description = "Web UI and /json/ port (default: ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "8081")
    int webUiPort;

    @Option(names = "--cores", description = "Cores offered to executors (default: all of this machine's).")
    Integer cores;

    @Option(names = "--memory", description = "Memory offered to executors, e.g. 8g (default: the machine's memory less 1 GB).")
    String memory;

    @Option(names = "--disk", split = ",", paramLabel = "DIR[:SIZE]",
            description = "Executors' local scratch directories (spark.local.dir), each with the free space it must have, e.g. /scratch/eemt:100g. Finished applications' files are cleaned up.")
    List<String> disks = new ArrayList<>();

    @Option(names = "--work-dir", description = "Executors' logs and application jars (default: ./work).", defaultValue = "work")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        List<LocalDisk> localDisks;
        try {
            localDisks = disks.stream().map(LocalDisk::parse).toList();
        } catch (IllegalArgumentException e) {
            System.err.println("eemt worker: --disk " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<MasterAddress> masters;
        try {
            masters = masterHosts.stream().map(entry -> MasterAddress.parse(entry, masterPort)).toList();
        } catch (IllegalArgumentException e) {
            System.err.println("eemt worker: --master-host " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Check> checks = daemon.checks();
        checks.add(Environment.directory("work-dir", workDir, 0));
        for (LocalDisk disk : localDisks) {
            checks.add(Environment.directory("disk", disk.dir(), disk.minFreeBytes()));
        }
        if (daemon.dryRun) {
            masters.forEach(master -> checks.add(Environment.reachable("master", master.host(), master.port())));
            checks.add(Environment.portFree("webui-port", daemon.host != null ? daemon.host : "0.0.0.0", webUiPort));
        }
        // A worker whose disks are missing or full would only fail tasks later: it does not start.
        if (daemon.dryRun || Check.failed(checks)) {
            int exit = Check.report(checks, System.out);
            if (exit == 0) {
                System.out.println("would run: " + worker(localDisks, masters).describe());
            }
            return exit;
        }
        return worker(localDisks, masters).run(daemon.logLevel, System.out);
    }

    private SparkDaemon worker(List<LocalDisk> localDisks, List<MasterAddress> masters) throws java.io.IOException {
        SparkDaemon worker = new SparkDaemon("org.apache.spark.deploy.worker.Worker", daemon)
                .argument("--webui-port", webUiPort)
                .argument("--work-dir", workDir.toAbsolutePath());
        if (cores != null) {
            worker.argument("--cores", cores);
        }
        if (memory != null) {
            worker.argument("--memory", memory);
        }
        if (!localDisks.isEmpty()) {
            worker.environment("SPARK_LOCAL_DIRS", localDisks.stream()
                            .map(d -> d.dir().toAbsolutePath().toString()).collect(Collectors.joining(",")))
                    .systemProperty("spark.worker.cleanup.enabled", "true");
        }
        return worker.positional("spark://" + masters.stream().map(m -> m.host() + ":" + m.port()).collect(Collectors.joining(",")));
    }

    /** {@code HOST[:PORT]} of a master; without a port, {@code --master-port}. */
    record MasterAddress(String host, int port) {
        static MasterAddress parse(String text, int defaultPort) {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return new MasterAddress(text, defaultPort);
            }
            try {
                return new MasterAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(text + ": the port after ':' must be a number (e.g. node2:7078)");
            }
        }
    }

    /** {@code DIR[:SIZE]}: a local directory and the free space it must have. */
    record LocalDisk(Path dir, long minFreeBytes) {
        static LocalDisk parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return new LocalDisk(Path.of(text), 0);
            }
            return new LocalDisk(Path.of(text.substring(0, colon)), Sizes.parse(text.substring(colon + 1)));
        }
    }
}
