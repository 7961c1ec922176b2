package org.eemt.job.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eemt.geo.EemtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eemt demo}: the whole pipeline on the sample DEM shipped in {@code data/sample/}
 * (Valles Caldera, New Mexico, 10 m), in local mode, into {@code ./eemt-demo-out}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on the sample DEM (data/sample/mcn_10m.tif) in local mode.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eemt-demo-out",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master. Default: ${DEFAULT-VALUE}.")
    String master;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(runArguments(out));
        args.addAll(List.of("--master", master));
        System.out.println("eemt demo: sample DEM " + sampleDirectory().resolve("mcn_10m.tif") + " -> " + out);
        System.out.println("eemt demo: climate = the Daymet single-pixel record of Telluride, Colorado (3252 m), used as a "
                + "lapse-rate-corrected base station for the Valles Caldera DEM, 2000-2001. This pairing is a DEMONSTRATION "
                + "of the pipeline, not climate of the site: for real results fetch gridded Daymet (eemt fetch-daymet).");
        CommandLine run = new CommandLine(new RunCommand());
        run.setDefaultValueProvider(spec.root().defaultValueProvider());
        run.setExecutionExceptionHandler(spec.root().commandLine().getExecutionExceptionHandler());
        return run.execute(args.toArray(String[]::new));
    }

    /** The {@code eemt run} arguments of the demo: the sample inputs, into {@code out}. */
    public static List<String> runArguments(String out) {
        List<String> args = new ArrayList<>(List.of("--dem", sampleDirectory().resolve("mcn_10m.tif").toString(), "--out", out));
        args.addAll(List.of("--climate", sampleDirectory().resolve("daymet_v2_telluride_co.csv").toString(), "--years", "2000-2001"));
        return args;
    }

    /** {@code data/sample} of the project: under {@code eemt.home} (set by submit/eemt) or the working directory. */
    static Path sampleDirectory() {
        Path home = Path.of(System.getProperty("eemt.home", "."));
        Path sample = home.resolve("data/sample");
        if (!Files.isDirectory(sample)) {
            throw EemtException.environment(sample.toString(), "sample data not found",
                    "run the demo from the project's directory, or through submit/eemt");
        }
        return sample;
    }
}
