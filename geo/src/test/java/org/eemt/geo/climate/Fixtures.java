package org.eemt.geo.climate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;

/** The shared climate fixtures and the command-line tools (ncdump, ncgen, GDAL) tests compare with. */
final class Fixtures {
    private Fixtures() {
    }

    static Path climate(String name) {
        return TestData.shared("climate/" + name);
    }

    static Path monthly(String name) {
        return climate("daymet-monthly-fixture/" + name);
    }

    static Path sampleDem() {
        return TestData.sampleDem();
    }

    /** Runs a tool and returns its standard output; see {@link #runWithInput}. */
    static String run(String... command) throws IOException, InterruptedException {
        return runWithInput(null, command);
    }

    /**
     * Runs a tool with {@code stdin} (a file, or {@code null}) as its input and returns its
     * standard output alone (GDAL's warnings on standard error must not mix with the numbers);
     * skips the test loudly when the tool is not installed.
     */
    static String runWithInput(Path stdin, String... command) throws IOException, InterruptedException {
        ExternalTool.require(command[0]);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process p = builder.start();
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
