package org.eemt.job.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.storage.Storage;
import org.eemt.job.pipeline.Pipeline;
import org.eemt.job.pipeline.RunConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    /** Checks the inputs while a local Spark starts (a cluster's after), runs the pipeline, says what it wrote, stops Spark; the exit code. */
    static int runInOwnSession(RunOptions options, CommandSpec spec) throws IOException {
        RunConfig config = options.config(spec);
        GeoTiffReader.lookUpCrsAhead(config.dem()); // while Spark starts and the inputs are checked
        // Hadoop's configuration is built while a local Spark starts, which builds it too
        SparkSession session = SparkSessions.startedAfterChecks(options.master, () -> {
            SparkSessions.configureStorage();
            Pipeline.check(config);
        });
        try {
            Map<String, String> products = Pipeline.run(session, config);
            System.out.println("eemt: " + products.size() + " products in " + config.out());
            if (!config.eemt().climate().given() && (config.products().contains("all") || config.products().contains("eemt"))) {
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
        RunConfig config = command.options.config(command.spec);
        Pipeline.check(config);
        Pipeline.run(session, config);
        return config.out();
    }
}
