package org.eemt.job.cli;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;
import org.eemt.job.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code eemt run}: the whole pipeline on one DEM. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute EEMT and its ingredients (terrain, solar radiation, wetness index) for a DEM.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return runInOwnSession(options, spec);
    }

    /** Checks, starts Spark, runs the pipeline, says what it wrote, stops Spark; the exit code. */
    static int runInOwnSession(RunOptions options, CommandSpec spec) throws IOException {
        SparkSessions.configureStorage();
        Pipeline.check(options);
        SparkSession session = SparkSessions.getOrCreate(options.master);
        try {
            Map<String, String> products = runIn(session, options, spec);
            System.out.println("eemt: " + products.size() + " products in " + options.out);
            if (options.eemt.climate == null && (options.products.contains("all") || options.products.contains("eemt"))) {
                System.out.println("eemt: no --climate given: terrain, solar radiation and wetness only; EEMT needs Daymet "
                        + "climate (--climate <directory of monthly netCDF | single-pixel CSV>, see eemt fetch-daymet)");
            }
            return 0;
        } finally {
            session.stop();
        }
    }

    /**
     * Runs the pipeline with these {@code eemt run} arguments in a Spark session that the caller
     * owns (a notebook's); returns the output directory. {@code --master} is ignored there.
     */
    public static String runInSession(SparkSession session, String... args) throws IOException {
        RunCommand command = new RunCommand();
        CommandLine cli = new CommandLine(command);
        cli.setDefaultValueProvider(new ParameterDefaults());
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw EemtException.input("eemt run " + String.join(" ", args), e.getMessage(), "see eemt run --help");
        }
        Storage.configure(session.sparkContext().hadoopConfiguration());
        Pipeline.check(command.options);
        runIn(session, command.options, command.spec);
        return command.options.out;
    }

    private static Map<String, String> runIn(SparkSession session, RunOptions options, CommandSpec spec) throws IOException {
        return Pipeline.run(JavaSparkContext.fromSparkContext(session.sparkContext()), options, scienceParameters(spec));
    }

    /** Every option that can change results, by name without dashes, as given or defaulted. */
    static SortedMap<String, String> scienceParameters(CommandSpec spec) {
        SortedMap<String, String> parameters = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (o.usageHelp() || o.versionHelp() || name.equals("--dem") || RunOptions.EXECUTION_ONLY.contains(name)) {
                continue;
            }
            Object value = o.getValue();
            parameters.put(name.substring(2), value instanceof Iterable<?> list ? String.join(",", toStrings(list)) : String.valueOf(value));
        }
        return parameters;
    }

    private static java.util.List<String> toStrings(Iterable<?> list) {
        java.util.List<String> s = new java.util.ArrayList<>();
        list.forEach(v -> s.add(String.valueOf(v)));
        return s;
    }
}
