package org.eemt.job.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eemt.geo.EemtException;
import org.eemt.geo.solar.DaySelection;
import org.eemt.job.bench.EndToEndBench;
import org.eemt.job.bench.SolarBench;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eemt bench end-to-end}: the real command ({@code eemt solar} or {@code eemt run}) as a fresh JVM, wall
 * time x cores, against GRASS r.sun day by day in the same bench ({@link EndToEndBench}).
 */
@Command(name = "end-to-end", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the real command (eemt solar or eemt run: a fresh JVM, Spark start, outputs and report written) "
                + "on --cores cores against GRASS r.sun day by day (daily mode with shadows + r.sun -p flat, one thread) on a "
                + "sample of days, alternating in rounds; print each run's phases (start-up, checks and plan, stages, report, "
                + "shutdown) and the speed ratio per core: GRASS CPU for the command's days / (wall x cores).",
                "Options after -- go to the command (e.g. -- --shading ray --tile-size 256); the bench gives --dem, --out, "
                        + "--master and --overwrite. Needs the jar built (submit/eemt builds it); runs no build."})
public final class EndToEndBenchCommand implements Callable<Integer> {
    private static final Set<String> GIVEN_BY_BENCH = Set.of("--dem", "--out", "--master", "--overwrite");

    /** --dem or --synthetic, as {@code eemt bench solar} takes them. */
    @ArgGroup(multiplicity = "1")
    SolarBenchCommand.Input input;

    @Option(names = "--command", paramLabel = "NAME", defaultValue = "solar",
            description = "The command timed: solar or run. Default: ${DEFAULT-VALUE}.")
    String command;

    @Option(names = "--grass-days", paramLabel = "DAYS", defaultValue = "80,266",
            description = "Days GRASS r.sun runs, cut into the rounds (at least one per round); its CPU for the command's days is "
                    + "extrapolated from them. Default: ${DEFAULT-VALUE}.")
    String grassDays;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
            description = "Rounds: GRASS on the round's share of --grass-days, then the command. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--cores", paramLabel = "N",
            description = "Cores the command runs on (--master local[N]). Default: this machine's cores.")
    Integer cores;

    @Mixin
    BenchWorkspace workspace = new BenchWorkspace();

    @Parameters(paramLabel = "OPTION", description = "Options of the command, after --.")
    List<String> commandOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!command.equals("solar") && !command.equals("run")) {
            throw EemtException.input("--command " + command, "not a command the bench times", "use --command solar or --command run");
        }
        int[] rsunDays = DaySelection.parse(grassDays);
        if (rounds < 1 || rounds > rsunDays.length) {
            throw EemtException.input("--rounds " + rounds, "every round runs GRASS on at least one of the " + rsunDays.length
                    + " --grass-days", "give --rounds between 1 and " + rsunDays.length + ", or more --grass-days");
        }
        int coreCount = cores == null ? Runtime.getRuntime().availableProcessors() : cores;
        if (coreCount < 1) {
            throw EemtException.input("--cores " + coreCount, "not a positive number of cores", "give --cores 1 or more");
        }
        for (String o : commandOptions) {
            if (GIVEN_BY_BENCH.contains(o.split("=", 2)[0])) {
                throw EemtException.input(o, "the bench gives this option to the command itself", "leave it out of the options after --");
            }
        }
        // the command's own parsing: its solar parameters and days are GRASS's
        RunOptions options = parseCommandOptions();
        workspace.run(input, (dir, dem) -> {
            List<String> commandLine = new ArrayList<>(List.of(command));
            commandLine.addAll(commandOptions);
            new EndToEndBench(spec.commandLine().getOut()).run(EemtCli.class.getName(), dem, commandLine, options.solar.dayList().length,
                    coreCount, options.solar.parameters(), rsunDays, rounds, workspace.grass, dir);
        });
        return 0;
    }

    private RunOptions parseCommandOptions() {
        RunCommand parsed = new RunCommand();
        CommandLine cli = new CommandLine(parsed);
        cli.setDefaultValueProvider(new ParameterDefaults());
        List<String> args = new ArrayList<>(commandOptions);
        args.addAll(List.of("--dem", "bench", "--out", "bench"));
        try {
            cli.parseArgs(args.toArray(String[]::new));
            parsed.options.solar.parameters();
            parsed.options.solar.dayList();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw EemtException.input("eemt " + command + " " + String.join(" ", commandOptions).strip(),
                    e.getMessage(), "see eemt " + command + " --help");
        }
        return parsed.options;
    }
}
