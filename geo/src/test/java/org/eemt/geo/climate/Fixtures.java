package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared climate fixtures and the command-line tools (ncdump, ncgen, GDAL) tests compare with. */
final class Fixtures {
    private Fixtures() {
    }

    static Path climate(String name) {
        Path p = Path.of(System.getProperty("eemt.shared.dir", "../../shared"), "data", "climate", name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture missing: " + p);
        }
        return p;
    }

    static Path monthly(String name) {
        return climate("daymet-monthly-fixture/" + name);
    }

    static Path sampleDem() {
        return Path.of(System.getProperty("eemt.project.dir", "../.."), "data", "sample", "mcn_10m.tif");
    }

    /**
     * Runs a tool and returns its standard output; when the tool is not installed, prints so
     * loudly and skips the test (CI installs it, so it never skips there).
     */
    static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            System.err.println("!!!!! " + command[0] + " is not installed: SKIPPING the comparison with it !!!!!");
            assumeTrue(false, command[0] + " not installed");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The values of a variable as ncdump prints them at full float precision; NaN for "_" (fill). */
    static float[] ncdumpValues(Path file, String variable) throws IOException, InterruptedException {
        String text = run("ncdump", "-p", "9,17", "-v", variable, file.toString());
        int data = text.indexOf("data:");
        int start = text.indexOf(variable + " =", data) + variable.length() + 2;
        int end = text.indexOf(';', start);
        List<Float> values = new ArrayList<>();
        for (String token : text.substring(start, end).split("[,\\s]+")) {
            if (!token.isEmpty()) {
                values.add(token.equals("_") ? Float.NaN : Float.parseFloat(token));
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
