package org.eemt.job.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options common to {@code eemt master} and {@code eemt worker}. */
final class DaemonOptions {
    @Option(names = "--host", description = "Address to bind and advertise (default: this host's name; SPARK_LOCAL_IP if set).")
    String host;

    @Option(names = "--properties-file", description = "Spark properties for the daemon (spark.authenticate, recovery, ...), e.g. conf/spark-defaults.standalone.conf.")
    Path propertiesFile;

    @Option(names = "--secret-file", description = "Turn on spark.authenticate with the shared secret in this file (readable by the cluster's user only); drivers need the same secret (eemt-submit: EEMT_SECRET_FILE).")
    Path secretFile;

    @Option(names = "--log-level", description = "Daemon log level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "INFO")
    LogLevel logLevel;

    @Option(names = "--dry-run", description = "Check the environment and connectivity, print the daemon command, and exit.")
    boolean dryRun;

    /** Java, Spark, and the files these options name. */
    List<Check> checks() {
        List<Check> checks = new ArrayList<>(List.of(Environment.java(), Environment.spark()));
        if (propertiesFile != null) {
            checks.add(Environment.readableFile("properties-file", propertiesFile));
        }
        if (secretFile != null) {
            checks.add(Environment.readableFile("secret-file", secretFile));
        }
        return checks;
    }

    enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }
}
