package org.eemt.geo.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference tools (GRASS GIS, GDAL, SAGA) that tests compare against. CI installs them
 * (.ci/run); on a machine without one the test is skipped with a loud message saying why.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    /** Skips the calling test, loudly, when {@code command} is not on the PATH. */
    public static void require(String command) {
        boolean found = installed(command);
        if (!found) {
            System.err.println("\n*** SKIPPED: '" + command + "' is not installed here; CI installs it (.ci/run). ***\n");
        }
        assumeTrue(found, command + " not installed");
    }

    /** Whether {@code command} is an executable on the PATH. */
    public static boolean installed(String command) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Path.of(dir, command).toFile().canExecute();
        }
        return found;
    }

    /** Runs a command in {@code dir}; fails with its output when it exits non-zero. Returns stdout + stderr. */
    public static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + command + "\n" + text);
        }
        return text;
    }

    /**
     * Runs a shell script inside a temporary GRASS location made from a georeferenced file's CRS
     * ({@code grass --tmp-location FILE --exec bash -c SCRIPT}), in {@code dir}.
     */
    public static String grass(Path dir, Path georeferenced, String script) throws IOException, InterruptedException {
        require("grass");
        List<String> cmd = new ArrayList<>(List.of("grass", "--tmp-location", georeferenced.toString(), "--exec", "bash", "-c", script));
        return run(dir, cmd);
    }
}
