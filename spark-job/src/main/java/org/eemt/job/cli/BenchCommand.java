package org.eemt.job.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eemt bench}: benchmarks against the reference tools; {@code eemt bench solar} for now. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = SolarBenchCommand.class,
        description = "Benchmark the engines (speed and agreement) on this machine.")
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: solar");
    }
}
