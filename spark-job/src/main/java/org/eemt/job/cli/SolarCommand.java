package org.eemt.job.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.eemt.job.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eemt solar}: the solar radiation products only (the EEMT workflow's "Sol" workflow). */
@Command(name = "solar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute monthly clear-sky solar radiation (S_topo, S_flat) and insolation hours for a DEM.")
public final class SolarCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.products = List.of("solar");
        Pipeline.check(options);
        SparkSession session = SparkSessions.getOrCreate(options.master);
        try {
            Map<String, String> products = Pipeline.run(JavaSparkContext.fromSparkContext(session.sparkContext()),
                    options, RunCommand.scienceParameters(spec));
            System.out.println("eemt: " + products.size() + " products in " + options.out);
            return 0;
        } finally {
            session.stop();
        }
    }
}
