package org.eemt.job.cli;

import java.util.List;
import java.util.concurrent.Callable;
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
        return RunCommand.runInOwnSession(options, spec);
    }
}
