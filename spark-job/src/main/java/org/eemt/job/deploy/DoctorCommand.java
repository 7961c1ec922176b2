package org.eemt.job.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eemt doctor}: is this machine ready to run EEMT, as a driver, worker or GRASS task host? */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, Spark, GRASS and GDAL, the container runtimes and the storage paths.")
public final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--path", paramLabel = "DIR", split = ",",
            description = "Storage paths that must be writable (default: the temp dir and SPARK_LOCAL_DIRS).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--require", split = ",", paramLabel = "TOOL",
            description = "Tools whose absence is a failure, not a warning: ${COMPLETION-CANDIDATES}.")
    List<Tool> required = new ArrayList<>();

    enum Tool { grass, gdal, docker, podman, apptainer, singularity }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>(List.of(Environment.java(), Environment.spark()));
        checks.add(Environment.tool("grass", List.of("grass", "--version"), required.contains(Tool.grass)));
        checks.add(Environment.tool("gdal", List.of("gdalinfo", "--version"), required.contains(Tool.gdal)));
        for (Tool runtime : List.of(Tool.docker, Tool.podman, Tool.apptainer, Tool.singularity)) {
            checks.add(Environment.tool(runtime.name(), List.of(runtime.name(), "--version"), required.contains(runtime)));
        }
        for (Path path : storagePaths()) {
            checks.add(Environment.directory("path", path, 0));
        }
        return Check.report(checks, System.out);
    }

    private List<Path> storagePaths() {
        if (!paths.isEmpty()) {
            return paths;
        }
        List<Path> defaults = new ArrayList<>(List.of(Path.of(System.getProperty("java.io.tmpdir"))));
        String localDirs = System.getenv("SPARK_LOCAL_DIRS");
        if (localDirs != null && !localDirs.isBlank()) {
            for (String dir : localDirs.split(",")) {
                defaults.add(Path.of(dir.strip()));
            }
        }
        return defaults;
    }
}
