package org.eemt.job.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eemt.job.bench.SolarBench;
import picocli.CommandLine.Option;

/**
 * What both benches share (a picocli mixin): how GRASS starts, and the scratch directory in which the
 * bench runs with its DEM, the one given or a synthetic one written there.
 */
final class BenchWorkspace {
    @Option(names = "--grass", paramLabel = "COMMAND", defaultValue = "grass",
            description = "The GRASS GIS start command. Default: ${DEFAULT-VALUE}.")
    String grass;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Scratch directory (GRASS sessions, logs, the synthetic DEM, the command's outputs); kept. "
                    + "Default: a temporary directory, deleted.")
    Path work;

    /** A bench run in the scratch directory {@code directory} on {@code dem}. */
    interface Work {
        void run(Path directory, Path dem) throws Exception;
    }

    /** Runs {@code bench} in the scratch directory on the input's DEM; a temporary directory is deleted afterwards. */
    void run(SolarBenchCommand.Input input, Work bench) throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("eemt-bench-") : Files.createDirectories(work);
        try {
            Path dem = input.dem;
            if (dem == null) {
                dem = dir.resolve("synthetic_" + input.synthetic + ".tif");
                SolarBench.writeSynthetic(input.synthetic, dem);
            }
            bench.run(dir, dem);
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
