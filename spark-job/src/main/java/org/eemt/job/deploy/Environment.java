package org.eemt.job.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Checks shared by {@code doctor} and the daemons' {@code --dry-run}. */
final class Environment {
    static final int MIN_JAVA = 17;
    /** Hadoop 3.3, under Spark 3.5, asks {@code Subject.getSubject} for the user, which Java 23 and later refuse. */
    static final int MAX_JAVA = 22;

    private Environment() {
    }

    static Check java() {
        int feature = Runtime.version().feature();
        String detail = "Java " + Runtime.version() + " at " + System.getProperty("java.home");
        return feature < MIN_JAVA ? Check.fail("java", detail + ": needs Java " + MIN_JAVA + " or newer")
                : feature > MAX_JAVA ? Check.fail("java", detail + ": Spark 3.5 and Hadoop 3.3 run on Java " + MIN_JAVA + " to " + MAX_JAVA
                        + " (Java 23 and later refuse Hadoop's Subject.getSubject); set JAVA_HOME to a Java 17 or 21 installation")
                : Check.ok("java", detail);
    }

    static Check spark() {
        try {
            Path jars = SparkHome.jarsDirectory();
            return Check.ok("spark", "Spark " + org.apache.spark.SparkContext.class.getPackage().getImplementationVersion() + ", jars in " + jars);
        } catch (IllegalStateException e) {
            return Check.fail("spark", e.getMessage());
        }
    }

    /** A directory that exists (or can be created), is writable, and has at least {@code minFreeBytes} free. */
    static Check directory(String name, Path dir, long minFreeBytes) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".eemt-probe", null);
            Files.delete(probe);
            long free = Files.getFileStore(dir).getUsableSpace();
            String detail = dir + " writable, " + Sizes.format(free) + " free";
            if (free < minFreeBytes) {
                return Check.fail(name, detail + ", needs " + Sizes.format(minFreeBytes));
            }
            return Check.ok(name, detail);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Check.fail(name, dir + " is not a writable directory: " + e.getMessage());
        }
    }

    static Check portFree(String name, String host, int port) {
        if (port == 0) {
            return Check.ok(name, "random port");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return Check.ok(name, host + ":" + port + " free");
        } catch (IOException e) {
            return Check.fail(name, host + ":" + port + " cannot be bound: " + e.getMessage());
        }
    }

    static Check reachable(String name, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return Check.ok(name, host + ":" + port + " accepts connections");
        } catch (IOException e) {
            return Check.fail(name, host + ":" + port + " unreachable: " + e.getMessage());
        }
    }

    static Check readableFile(String name, Path file) {
        return Files.isReadable(file) && Files.isRegularFile(file)
                ? Check.ok(name, file + " readable")
                : Check.fail(name, file + " is not a readable file");
    }

    /** Runs {@code command --version}-like probes; a missing optional tool is a warning. */
    static Check tool(String name, List<String> command, boolean required) {
        List<String> output = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var reader = process.inputReader()) {
                reader.lines().limit(1).forEach(output::add);
                reader.transferTo(java.io.Writer.nullWriter());
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return missing(name, String.join(" ", command) + " did not answer in 60 s", required);
            }
            if (process.exitValue() != 0) {
                return missing(name, String.join(" ", command) + " exited " + process.exitValue(), required);
            }
            return Check.ok(name, output.isEmpty() ? command.get(0) : output.get(0).strip());
        } catch (IOException e) {
            return missing(name, command.get(0) + " not found on PATH", required);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return missing(name, "interrupted", required);
        }
    }

    private static Check missing(String name, String detail, boolean required) {
        return required ? Check.fail(name, detail) : Check.warn(name, detail);
    }
}
