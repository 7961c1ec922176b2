package org.eemt.job.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code submit/eemt-submit PRESET [spark options] -- eemt arguments}, with small test-sized JVMs. */
final class EemtSubmit {
    /** One core and 512 MB per executor, so that two one-core workers run two executors. */
    static final List<String> SMALL_EXECUTORS = List.of(
            "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=512m",
            "--conf", "spark.driver.memory=1g");

    private EemtSubmit() {
    }

    static ChildProcess start(String preset, List<String> sparkOptions, List<String> eemtArguments,
                              Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>(List.of(ProjectFiles.EEMT_SUBMIT.toString(), preset));
        command.addAll(sparkOptions);
        command.add("--");
        command.addAll(eemtArguments);
        Map<String, String> env = new HashMap<>(Map.of("EEMT_SUBMIT_JAVA_OPTS", "-Xmx1g"));
        env.putAll(environment);
        return ChildProcess.start(command, env, log);
    }
}
