package org.eemt.job.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eemt.geo.EemtException;
import org.eemt.job.outputs.Manifest;
import org.eemt.job.report.RunReport;

/**
 * One run of an {@code eemt} command ({@code solar} or {@code run}) as a user runs it: a fresh JVM started
 * like the one running this bench (the same {@code java}, JVM options and class path, which
 * {@code submit/eemt} gave it after its build check), Spark started in it, outputs written, the report
 * made. Timed from outside (wall clock, and the process's user + system CPU by {@code /usr/bin/time}); its
 * phases are read from what the run leaves behind:
 * <ul>
 *   <li>start-up: JVM, command line, checks and Spark session, until the pipeline starts (the pipeline's
 *   start is {@code manifest.json}'s last update minus its {@code wallSeconds});</li>
 *   <li>checks and plan: the pipeline's checks, DEM checksum and valid-cell count ({@code wallSeconds} minus
 *   the stages);</li>
 *   <li>each stage's seconds, as {@code manifest.json} records them;</li>
 *   <li>report: from the manifest's last update to {@code report.html}'s modification time;</li>
 *   <li>shutdown: Spark's stop and the JVM's exit, to the process's end.</li>
 * </ul>
 * The JVM's CPU time is sampled every 0.1 s from {@code /proc} and shared among the phases: on a loaded machine a
 * phase's CPU seconds say more about its cost than its wall seconds.
 */
record CommandRun(double wallSeconds, double cpuSeconds, List<Phase> phases) {
    static final String STARTUP = "start-up (JVM, Spark)";
    static final String PLAN = "checks and plan";
    static final String REPORT = "report";
    static final String SHUTDOWN = "shutdown";
    /** How often the JVM's CPU time is sampled, to share it among the phases. */
    private static final long SAMPLE_MILLIS = 100;

    /** A phase of the run: its wall seconds and the CPU seconds of the JVM's threads in it (null where not sampled). */
    record Phase(String name, double wallSeconds, Double cpuSeconds) {
    }

    /**
     * Runs {@code eemt <arguments>} in a new JVM ({@code mainClass}, the CLI), its log in {@code log}; {@code out}
     * must be the run's {@code --out}. Throws an environment error quoting the log's end when the command fails.
     */
    static CommandRun launch(String mainClass, List<String> arguments, Path out, Path log) throws IOException, InterruptedException {
        Path time = log.resolveSibling(log.getFileName() + ".time");
        List<String> command = new ArrayList<>(List.of(GrassRsunTiming.TIME, "-f", "%U %S", "-o", time.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        CpuSamples cpuSamples = new CpuSamples(t0);
        while (!p.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            p.children().findFirst().ifPresent(cpuSamples::sample);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int code = p.exitValue();
        if (code != 0) {
            String text = Files.readString(log);
            throw EemtException.environment("eemt " + arguments.get(0), "the command failed (exit " + code + "): "
                    + text.substring(Math.max(0, text.length() - 600)).strip().replace('\n', ' '), "see " + log);
        }
        String[] cpu = Files.readAllLines(time).get(0).trim().split("\\s+");
        double cpuSeconds = Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1]);
        cpuSamples.end(wall, cpuSeconds);

        JsonNode manifest = new ObjectMapper().readTree(out.resolve(Manifest.FILE).toFile());
        double updated = seconds(start, Instant.parse(manifest.path("updated").asText()));
        double pipelineStart = updated - manifest.path("wallSeconds").asDouble();
        double reportWritten = seconds(start, Files.getLastModifiedTime(out.resolve(RunReport.FILE)).toInstant());
        double stagesSeconds = 0;
        for (JsonNode s : manifest.path("stages")) {
            stagesSeconds += s.path("seconds").asDouble();
        }
        // phase boundaries, seconds from the launch: the stages end where the pipeline ends, one after the other
        List<String> names = new ArrayList<>(List.of(STARTUP, PLAN));
        List<Double> ends = new ArrayList<>(List.of(pipelineStart, updated - stagesSeconds));
        double at = updated - stagesSeconds;
        for (JsonNode s : manifest.path("stages")) {
            at += s.path("seconds").asDouble();
            names.add(s.path("name").asText());
            ends.add(at);
        }
        names.addAll(List.of(REPORT, SHUTDOWN));
        ends.addAll(List.of(reportWritten, wall));
        List<Phase> phases = new ArrayList<>();
        double from = 0;
        for (int i = 0; i < names.size(); i++) {
            double to = ends.get(i);
            phases.add(new Phase(names.get(i), to - from, cpuSamples.between(from, to)));
            from = to;
        }
        return new CommandRun(wall, cpuSeconds, phases);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /**
     * The JVM's CPU seconds (user + system, from {@code /proc/<pid>/stat}) sampled over the run, seconds from the
     * launch; none where {@code /proc} does not say.
     */
    private static final class CpuSamples {
        /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on Linux). */
        private static final double TICKS_PER_SECOND = 100;
        private final long t0;
        private final List<double[]> samples = new ArrayList<>(List.of(new double[] {0, 0}));

        CpuSamples(long t0) {
            this.t0 = t0;
        }

        void sample(ProcessHandle jvm) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(jvm.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command's name and state
                double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                samples.add(new double[] {(System.nanoTime() - t0) / 1e9, cpu});
            } catch (IOException | RuntimeException e) {
                // the JVM has just exited, or no /proc: the phase keeps no CPU figure
            }
        }

        /** The last point: the process's end and its CPU as {@code /usr/bin/time} measured it. */
        void end(double wall, double cpuSeconds) {
            samples.add(new double[] {wall, cpuSeconds});
        }

        /** CPU seconds between two instants (seconds from the launch), interpolated; null with too few samples. */
        Double between(double from, double to) {
            return samples.size() < 3 ? null : at(to) - at(from);
        }

        private double at(double t) {
            for (int i = 1; i < samples.size(); i++) {
                double[] a = samples.get(i - 1);
                double[] b = samples.get(i);
                if (t <= b[0]) {
                    return b[0] == a[0] ? b[1] : a[1] + (b[1] - a[1]) * Math.max(0, t - a[0]) / (b[0] - a[0]);
                }
            }
            return samples.get(samples.size() - 1)[1];
        }
    }
}
