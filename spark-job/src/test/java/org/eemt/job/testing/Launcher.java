package org.eemt.job.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eemt.geo.testing.TestData;

/** Runs the product the way users do: {@code submit/eemt} and spark-submit, as child processes. */
public final class Launcher {
    private Launcher() {
    }

    /** The outcome of a finished child process. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** {@code submit/eemt ARGS}, finished. */
    public static Result eemt(Path workDir, String... args) throws IOException, InterruptedException {
        return eemt(workDir, Map.of(), args);
    }

    /** {@code submit/eemt ARGS} with these environment variables set (or replaced, PATH too), finished. */
    public static Result eemt(Path workDir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return finish(start(workDir, launcherCommand(args), environment), workDir);
    }

    /** Starts {@code submit/eemt ARGS} with its output going to files in {@code workDir}. */
    public static Process start(Path workDir, String... args) throws IOException {
        return start(workDir, launcherCommand(args), Map.of());
    }

    private static List<String> launcherCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(TestData.projectDir().resolve("submit/eemt").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** {@code spark-submit} (SparkSubmit's main class from spark-jars/) with {@code eemt.jar} and ARGS, finished. */
    public static Result sparkSubmit(Path workDir, List<String> sparkOptions, String... args) throws IOException, InterruptedException {
        Path target = TestData.projectDir().resolve("spark-job/target");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("eemt.test.opens", "").split(" ")).stream().filter(s -> !s.isBlank()).toList());
        command.addAll(List.of("-cp", target.resolve("spark-jars") + "/*", "org.apache.spark.deploy.SparkSubmit"));
        command.addAll(sparkOptions);
        command.add(target.resolve("eemt.jar").toString());
        command.addAll(List.of(args));
        return finish(start(workDir, command, Map.of()), workDir);
    }

    private static Process start(Path workDir, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(environment);
        return pb.start();
    }

    private static Result finish(Process p, Path workDir) throws IOException, InterruptedException {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out");
        }
        return new Result(p.exitValue(), Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
}
