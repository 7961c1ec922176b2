package org.eemt.job.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone daemon (Master or Worker) in a child JVM on this process's Spark jars,
 * with the environment the Worker needs to launch executors (SPARK_HOME, SPARK_SCALA_VERSION).
 * The child is stopped when this process is (SIGTERM, Ctrl-C).
 */
final class SparkDaemon {
    private final String mainClass;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** Spark reads a standalone daemon's shared secret from this variable (SecurityManager.ENV_AUTH_SECRET). */
    static final String SECRET_VARIABLE = "_SPARK_AUTH_SECRET";

    SparkDaemon(String mainClass, DaemonOptions options) throws IOException {
        this.mainClass = mainClass;
        if (options.secretFile != null) {
            // In the environment, not on the command line, where every user of the node could read it.
            environment.put(SECRET_VARIABLE, Files.readString(options.secretFile).replaceAll("\\s", ""));
            systemProperties.put("spark.authenticate", "true");
        }
        if (options.host != null) {
            arguments.addAll(List.of("--host", options.host));
            environment.put("SPARK_LOCAL_IP", options.host);
        }
        if (options.propertiesFile != null) {
            arguments.addAll(List.of("--properties-file", options.propertiesFile.toString()));
        }
    }

    SparkDaemon argument(String name, Object value) {
        arguments.add(name);
        arguments.add(String.valueOf(value));
        return this;
    }

    SparkDaemon positional(String value) {
        arguments.add(value);
        return this;
    }

    SparkDaemon systemProperty(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    SparkDaemon environment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** The child's command line; {@code logConfig} is the URI of the generated Log4j2 configuration. */
    private List<String> command(Path sparkHome, String logConfig) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + System.getenv().getOrDefault("SPARK_DAEMON_MEMORY", "1g"));
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + "/*");
        command.add("-Dlog4j2.configurationFile=" + logConfig);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Runs the daemon in the foreground until it exits or this process is stopped; returns its exit code. */
    int run(DaemonOptions.LogLevel logLevel, PrintStream out) throws IOException, InterruptedException {
        Path sparkHome = SparkHome.locate();
        Path logConfig = Files.createTempFile("eemt-daemon-log4j2", ".properties");
        logConfig.toFile().deleteOnExit();
        Files.writeString(logConfig, log4j2Configuration(logLevel));
        List<String> command = command(sparkHome, logConfig.toUri().toString());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", SparkHome.SCALA_BINARY_VERSION);
        builder.environment().putAll(environment);
        out.println("eemt: starting " + mainClass.substring(mainClass.lastIndexOf('.') + 1) + ": " + String.join(" ", command));
        out.flush();
        Process daemon = builder.start();
        Thread stopDaemon = new Thread(() -> stop(daemon), "eemt-stop-daemon");
        Runtime.getRuntime().addShutdownHook(stopDaemon);
        int exit = daemon.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopDaemon);
        } catch (IllegalStateException shuttingDown) {
            // the daemon ended because this process is being stopped: the hook has done its work
        }
        return exit;
    }

    /** The command that {@link #run} would start, for {@code --dry-run} (the secret is not in it). */
    String describe() throws IOException {
        return String.join(" ", command(SparkHome.locate(), "<generated log4j2.properties>"));
    }

    private static void stop(Process daemon) {
        daemon.destroy();
        try {
            if (!daemon.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            daemon.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String log4j2Configuration(DaemonOptions.LogLevel level) {
        return String.join("\n",
                "rootLogger.level = " + level,
                "rootLogger.appenderRef.stderr.ref = console",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex",
                "");
    }
}
