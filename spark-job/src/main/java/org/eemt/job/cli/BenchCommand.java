package org.eemt.job.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eemt bench}: benchmarks against the reference tools: {@code solar} (in process) and {@code end-to-end}. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {SolarBenchCommand.class, EndToEndBenchCommand.class},
        description = "Benchmark the engines (speed and agreement) on this machine.")
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: solar or end-to-end");
    }
}
