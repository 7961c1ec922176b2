package org.eemt.job.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eemt master}: a Spark standalone master (the seed's start-master). */
@Command(name = "master", mixinStandardHelpOptions = true,
        description = "Start a Spark standalone master from this installation's jars (no Spark install needed).")
public final class MasterCommand implements Callable<Integer> {
    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    @Option(names = "--port", description = "Port workers and drivers connect to (default: ${DEFAULT-VALUE}).", defaultValue = "7077")
    int port;

    @Option(names = "--webui-port", description = "Web UI and /json/ port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int webUiPort;

    @Option(names = "--recovery-dir", description = "Keep the master's state in this directory (spark.deploy.recoveryMode=FILESYSTEM): a restarted master takes its workers and applications back.")
    Path recoveryDir;

    @Option(names = "--zookeeper", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "High availability: elect the leading master and keep its state in this ZooKeeper ensemble (spark.deploy.recoveryMode=ZOOKEEPER). Start two or more masters with it; give workers and submits every master (spark://h1:7077,h2:7077).")
    String zookeeper;

    @Option(names = "--zookeeper-dir", description = "ZooKeeper path for the masters' election and state; one per cluster (default: ${DEFAULT-VALUE}).", defaultValue = "/eemt-spark")
    String zookeeperDir;

    @Override
    public Integer call() throws Exception {
        if (recoveryDir != null && zookeeper != null) {
            System.err.println("eemt master: --recovery-dir and --zookeeper exclude each other: keep the state in one place (ZooKeeper for several masters)");
            return ExitCodes.USAGE;
        }
        List<Check> checks = daemon.checks();
        if (recoveryDir != null) {
            checks.add(Environment.directory("recovery-dir", recoveryDir, 0));
        }
        // the master binds exactly these ports: one that moved would leave workers and batch scripts at the old one
        String bind = daemon.host != null ? daemon.host : "0.0.0.0";
        checks.add(Environment.portFree("port", bind, port));
        checks.add(Environment.portFree("webui-port", bind, webUiPort));
        if (daemon.dryRun || Check.failed(checks)) {
            int exit = Check.report(checks, System.out);
            if (exit == 0) {
                System.out.println("would run: " + master().describe());
            }
            return exit;
        }
        return master().run(daemon.logLevel, System.out);
    }

    private SparkDaemon master() throws java.io.IOException {
        SparkDaemon master = new SparkDaemon("org.apache.spark.deploy.master.Master", daemon)
                .argument("--port", port)
                .argument("--webui-port", webUiPort)
                .systemProperty("spark.port.maxRetries", "0");
        if (recoveryDir != null) {
            master.systemProperty("spark.deploy.recoveryMode", "FILESYSTEM")
                    .systemProperty("spark.deploy.recoveryDirectory", recoveryDir.toAbsolutePath().toString());
        }
        if (zookeeper != null) {
            master.systemProperty("spark.deploy.recoveryMode", "ZOOKEEPER")
                    .systemProperty("spark.deploy.zookeeper.url", zookeeper)
                    .systemProperty("spark.deploy.zookeeper.dir", zookeeperDir);
        }
        return master;
    }
}
