package org.eemt.job.cli;

import org.eemt.geo.EemtException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eemt} command: {@code spark-submit eemt.jar <subcommand> ...} or {@code submit/eemt
 * <subcommand> ...}. Exit codes: 0 done, 1 a bug, 2 bad usage or input, 3 broken environment.
 */
@Command(name = "eemt", mixinStandardHelpOptions = true, versionProvider = EemtCli.Version.class,
        description = "Effective Energy and Mass Transfer (EEMT) from a DEM, on Apache Spark.",
        subcommands = {RunCommand.class, SolarCommand.class, BenchCommand.class, DemoCommand.class, FetchDaymetCommand.class,
                FetchTerraClimateCommand.class,
                org.eemt.job.deploy.MasterCommand.class, org.eemt.job.deploy.WorkerCommand.class,
                org.eemt.job.deploy.StatusCommand.class, org.eemt.job.deploy.DoctorCommand.class,
                CommandLine.HelpCommand.class})
public final class EemtCli {
    /**
     * Apache SIS logs through java.util.logging, before Spark routes that to Log4j2: its notices
     * (a missing optional EPSG database, GeoTIFF keys it does not need) are not the user's concern.
     */
    private static final java.util.logging.Logger SIS_LOG = java.util.logging.Logger.getLogger("org.apache.sis");

    static {
        SIS_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    public static void main(String[] args) {
        // logging set up on this thread before a run starts others (Spark's start, the CRS lookup): two threads that set
        // it up at once can each make a Log4j context, and the second one's JMX registration fails with a stack trace
        LoggerFactory.getLogger(EemtCli.class);
        int exitCode = execute(args);
        // In YARN cluster mode the driver runs inside the application master, which reports
        // success only if main returns: System.exit there makes a finished run FAILED.
        if (exitCode != 0 || !"cluster".equals(System.getProperty("spark.submit.deployMode"))) {
            System.exit(exitCode);
        }
    }

    /** Runs a command line and returns its exit code (no {@code System.exit}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new EemtCli());
        cli.setDefaultValueProvider(new ParameterDefaults());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            EemtException user = userError(e);
            if (user != null) {
                commandLine.getErr().println("eemt: " + user.getMessage());
                return user.exitCode();
            }
            e.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    /** The user error behind an exception, also when Spark wrapped it in a task failure. */
    static EemtException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EemtException user) {
                return user;
            }
        }
        return null;
    }

    /** Version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EemtCli.class.getPackage().getImplementationVersion();
            return new String[] {"eemt " + (v == null ? "development build" : v)};
        }
    }
}
