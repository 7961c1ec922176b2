package org.eemt.job;

import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import org.eemt.job.cli.DemoCommand;
import org.eemt.job.cli.RunCommand;
import org.eemt.job.outputs.RunOutputs;

/**
 * The notebook entry point: the same pipeline as {@code eemt run}, in the notebook's Spark
 * session, and the products of any run as DataFrames and maps ({@link EemtRun}).
 * <pre>
 * val run = org.eemt.job.Eemt.run(spark, "--dem", "/data/dem.tif", "--out", "/data/eemt-out")
 * run.statistics("terrain/slope").show()
 * println(run.mapHtml("terrain/slope"))
 * </pre>
 */
public final class Eemt {
    private Eemt() {
    }

    /** Runs the pipeline with {@code eemt run} arguments (see {@code eemt run --help}); returns its products. */
    public static EemtRun run(SparkSession spark, String... args) throws IOException {
        return open(spark, RunCommand.runInSession(spark, args));
    }

    /** Runs the demo (the sample inputs of {@code eemt demo}) into {@code out}; returns its products. */
    public static EemtRun demo(SparkSession spark, String out) throws IOException {
        return run(spark, DemoCommand.runArguments(out).toArray(String[]::new));
    }

    /** The products of an earlier run in {@code out}. */
    public static EemtRun open(SparkSession spark, String out) {
        return new EemtRun(spark, RunOutputs.open(out));
    }
}
