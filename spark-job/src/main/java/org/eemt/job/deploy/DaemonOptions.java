package org.eemt.job.deploy;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options common to {@code eemt master} and {@code eemt worker}. */
final class DaemonOptions {
    @Option(names = "--host", description = "Address to bind and advertise (default: this host's name; SPARK_LOCAL_IP if set).")
    String host;

    @Option(names = "--properties-file", description = "Spark properties for the daemon (spark.authenticate, recovery, ...), e.g. conf/spark-defaults.standalone.conf.")
    Path propertiesFile;

    @Option(names = "--log-level", description = "Daemon log level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "INFO")
    LogLevel logLevel;

    @Option(names = "--dry-run", description = "Check the environment and connectivity, print the daemon command, and exit.")
    boolean dryRun;

    enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }
}
