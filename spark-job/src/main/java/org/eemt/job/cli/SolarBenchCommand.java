package org.eemt.job.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.eemt.geo.EemtException;
import org.eemt.geo.solar.DaySelection;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.job.bench.SolarBench;
import org.eemt.job.solar.SolarModelOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eemt bench solar}: GRASS r.sun day by day (as the EEMT workflow ran it) against the Java
 * solar engine on one DEM, in this process, without Spark ({@link SolarBench}).
 */
@Command(name = "solar", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run GRASS r.sun (daily mode with shadows + r.sun -p flat, one thread) and the Java solar engine "
                + "(each --shading mode, one thread, the whole DEM as one tile) on the same DEM and days; print CPU seconds, "
                + "seconds per day, the speed ratio per core and the Java engine's errors against r.sun.",
                "Without GRASS on PATH only the Java engine runs."})
public final class SolarBenchCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--dem", paramLabel = "FILE", description = "DEM GeoTIFF (projected or geographic).")
        Path dem;

        @Option(names = "--synthetic", paramLabel = "N",
                description = "Generate and use a synthetic N x N DEM of 10 m cells (fractal sum of sines, fixed seed).")
        Integer synthetic;
    }

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "1-365",
            description = "Days the Java engine computes: ranges and lists. Default: ${DEFAULT-VALUE}.")
    String days;

    @Option(names = "--grass-days", paramLabel = "DAYS",
            description = "Days GRASS runs, a subset of --days (errors are compared over them; a year's GRASS time is then "
                    + "extrapolated and labelled so). Default: the --days.")
    String grassDays;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "10",
            description = "Rounds of consecutive days in which the engines alternate (GRASS, then each Java mode), so that both "
                    + "see the machine's speed as it drifts. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--shading", paramLabel = "MODES", split = ",", defaultValue = "horizon,ray",
            description = "Java shading modes to run: horizon, ray, none. Default: ${DEFAULT-VALUE}.")
    List<String> shading;

    /** The run's solar model parameters: --step, --linke, --albedo, --horizon-distance, --horizon-azimuths, --north. */
    @Mixin
    SolarModelOptions model = new SolarModelOptions();

    @Mixin
    BenchWorkspace workspace = new BenchWorkspace();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw EemtException.input("--rounds " + rounds, "not a positive number of rounds", "give --rounds 1 or more");
        }
        int[] javaDays = DaySelection.parse(days);
        int[] rsunDays = grassDays == null ? javaDays : DaySelection.parse(grassDays);
        for (int d : rsunDays) {
            if (Arrays.binarySearch(javaDays, d) < 0) {
                throw EemtException.input("--grass-days " + grassDays, "day " + d + " is not in --days " + days,
                        "choose GRASS days among the Java days");
            }
        }
        List<Shading> modes = new ArrayList<>();
        for (String s : shading) {
            try {
                modes.add(Shading.parse(s));
            } catch (IllegalArgumentException e) {
                throw EemtException.input("--shading " + s, "unknown shading mode", "use horizon, ray or none");
            }
        }
        SolarParameters parameters = model.parameters(Shading.HORIZON);
        workspace.run(input, (dir, dem) ->
                new SolarBench(spec.commandLine().getOut()).run(dem, parameters, modes, javaDays, rsunDays, rounds, workspace.grass, dir));
        return 0;
    }
}
