package org.eemt.job.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.job.report.ColourScale;

/**
 * {@code eemt bench end-to-end}: the speed a user sees. The real command ({@code eemt solar} or {@code eemt run})
 * runs as a fresh JVM ({@link CommandRun}: Spark started, outputs and report written) on {@code cores} cores, and
 * GRASS r.sun runs day by day as the EEMT workflow ran it ({@link GrassRsunTiming}) on a sample of days, in the
 * same bench, alternating: each round runs GRASS on its share of the sample, then the command. The ratio per
 * core is GRASS's CPU seconds for the command's days (r.slope.aspect + r.sun's mean day x the days: extrapolated
 * from the sample, and labelled so) over the command's wall seconds x the cores it was given. Each round prints
 * the command's phases (start-up, checks and plan, each stage, report, shutdown) and the machine's load average,
 * which on a shared machine says how far the wall times can be trusted.
 */
public final class EndToEndBench {
    private final PrintWriter out;

    public EndToEndBench(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param mainClass  the CLI's main class, which the command's JVM runs
     * @param command    {@code solar} or {@code run}, with its arguments except {@code --dem}, {@code --out},
     *                   {@code --master} and {@code --overwrite}, which the bench gives
     * @param commandDays the number of days the command computes (for GRASS's extrapolation)
     * @param parameters the solar parameters GRASS runs with (the command's)
     * @param grassDays  days GRASS runs, ascending, cut into the rounds (at least one per round)
     * @param work       scratch directory: {@code round-N/} holds each round's GRASS session and command output
     */
    public void run(String mainClass, Path dem, List<String> command, int commandDays, int cores, SolarParameters parameters,
                    int[] grassDays, int rounds, String grass, Path work) throws IOException, InterruptedException {
        BenchDem read = BenchDem.read(dem);
        String commandLine = "eemt " + String.join(" ", command) + " --master local[" + cores + "]";
        out.printf(Locale.ROOT, "DEM %s: %d x %d cells (%d with data), %s; command: %s (a fresh JVM, %d days); GRASS r.sun days: %s; "
                        + "%d round%s (GRASS on the round's days, then the command)%n", dem.getFileName(), read.grid().columns(),
                read.grid().rows(), read.validCells(), read.grid().geographic() ? "geographic" : "projected", commandLine, commandDays,
                Arrays.stream(grassDays).mapToObj(String::valueOf).collect(Collectors.joining(",")), rounds, rounds == 1 ? "" : "s");
        out.flush();
        String missing = GrassRsunTiming.missing(grass);
        if (missing != null) {
            out.println(missing);
        }
        List<GrassRsunTiming.GrassRun> grassRounds = new ArrayList<>();
        List<CommandRun> commandRuns = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path round = Files.createDirectories(work.resolve("round-" + (r + 1)));
            String loadBefore = loadAverage();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d: ", r + 1, rounds));
            GrassRsunTiming.GrassRun grassRound = null;
            if (missing == null) {
                int[] days = Arrays.copyOfRange(grassDays, r * grassDays.length / rounds, (r + 1) * grassDays.length / rounds);
                grassRound = GrassRsunTiming.run(grass, dem, parameters, days, round);
                grassRounds.add(grassRound);
                line.append(String.format(Locale.ROOT, "GRASS r.sun days %s: %.2f CPU s/day (%.2f shadowed + %.2f flat), wall %.1f s; ",
                        Arrays.stream(days).mapToObj(String::valueOf).collect(Collectors.joining(",")), grassRound.run().cpuSecondsPerDay(),
                        grassRound.topoCpuPerDay(), grassRound.flatCpuPerDay(), grassRound.run().wallSeconds()));
            }
            Path output = round.resolve("eemt-out");
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of("--dem", dem.toAbsolutePath().toString(), "--out", output.toString(), "--master",
                    "local[" + cores + "]", "--overwrite"));
            CommandRun run = CommandRun.launch(mainClass, arguments, output, round.resolve("eemt.log"));
            commandRuns.add(run);
            line.append(String.format(Locale.ROOT, "eemt %s: wall %.1f s x %d cores = %.1f core s (process CPU %.1f s)", command.get(0),
                    run.wallSeconds(), cores, run.wallSeconds() * cores, run.cpuSeconds()));
            if (grassRound != null) {
                double ratio = grassCpu(grassRound.run(), commandDays) / (run.wallSeconds() * cores);
                ratios.add(ratio);
                line.append("; ratio per core " + times(ratio));
            }
            line.append(String.format(Locale.ROOT, "; load average %s before, %s after", loadBefore, loadAverage()));
            out.println(line);
            out.println("  " + run.phases().stream().map(ph -> String.format(Locale.ROOT, "%s %.1f s%s", ph.name(), ph.wallSeconds(),
                    ph.cpuSeconds() == null ? "" : String.format(Locale.ROOT, " (CPU %.1f s)", ph.cpuSeconds()))).collect(Collectors.joining(" | ")));
            out.flush();
        }
        phaseTable(commandRuns, cores);
        if (!grassRounds.isEmpty()) {
            EngineRun reference = GrassRsunTiming.GrassRun.of(grassRounds).run();
            double grassCpu = grassCpu(reference, commandDays);
            double wall = median(commandRuns.stream().mapToDouble(CommandRun::wallSeconds).toArray());
            out.printf(Locale.ROOT, "GRASS r.sun: setup %.2f CPU s, %.2f CPU s/day over %d days -> %.0f CPU s for the command's %d days "
                            + "(%s)%n", reference.setupCpuSeconds(), reference.cpuSecondsPerDay(), reference.days(), grassCpu, commandDays,
                    reference.days() == commandDays ? "measured" : "extrapolated from " + reference.days() + " day" + (reference.days() == 1 ? "" : "s"));
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.printf(Locale.ROOT, "end-to-end ratio per core: %s (GRASS CPU / (median wall %.1f s x %d cores)); per round: median %s, "
                    + "range %s-%s over %d rounds%n", times(grassCpu / (wall * cores)), wall, cores, times(median(sorted)), times(sorted[0]),
                    times(sorted[sorted.length - 1]), sorted.length);
            double cpu = median(commandRuns.stream().mapToDouble(CommandRun::cpuSeconds).toArray());
            out.printf(Locale.ROOT, "CPU ratio: %s (GRASS CPU / the command's median process CPU %.1f s, all its threads: the "
                    + "end-to-end ratio if that CPU filled the cores from start to end; less sensitive than wall time to other load)%n", times(grassCpu / cpu), cpu);
        }
        out.flush();
    }

    /** Wall and CPU seconds of each phase per round, and the wall time, as a table (rounds as columns). */
    private void phaseTable(List<CommandRun> runs, int cores) {
        Set<String> phases = new LinkedHashSet<>();
        runs.forEach(r -> r.phases().forEach(ph -> phases.add(ph.name())));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s", "phase"));
        for (int r = 0; r < runs.size(); r++) {
            head.append(String.format(Locale.ROOT, " %9s %9s", "wall s " + (r + 1), "CPU s " + (r + 1)));
        }
        out.println(head);
        for (String phase : phases) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s", phase));
            for (CommandRun r : runs) {
                CommandRun.Phase ph = r.phases().stream().filter(x -> x.name().equals(phase)).findFirst().orElse(null);
                row.append(ph == null ? String.format(Locale.ROOT, " %9s", "-") : String.format(Locale.ROOT, " %9.1f", ph.wallSeconds()));
                row.append(ph == null || ph.cpuSeconds() == null ? String.format(Locale.ROOT, " %9s", "-")
                        : String.format(Locale.ROOT, " %9.1f", ph.cpuSeconds()));
            }
            out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-24s", "total"));
        StringBuilder busy = new StringBuilder(String.format(Locale.ROOT, "%-24s", "CPU / (wall x " + cores + ")"));
        for (CommandRun r : runs) {
            total.append(String.format(Locale.ROOT, " %9.1f %9.1f", r.wallSeconds(), r.cpuSeconds()));
            busy.append(String.format(Locale.ROOT, " %19.0f%%", 100 * r.cpuSeconds() / (r.wallSeconds() * cores)));
        }
        out.println(total);
        out.println(busy);
    }

    /** GRASS's CPU seconds for {@code days} days: r.slope.aspect once and r.sun's mean day. */
    private static double grassCpu(EngineRun grass, int days) {
        return grass.setupCpuSeconds() + grass.cpuSecondsPerDay() * days;
    }

    /** A speed ratio: one decimal, or three significant digits below 1. */
    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 1 ? "%.1fx" : "%.3gx", ratio);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ColourScale.quantile(sorted, 0.5);
    }

    /** The 1-, 5- and 15-minute load averages of this machine, or "?" where the system does not say. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
