package org.eemt.job.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eemt.job.cli.EemtCli;

/** Runs an {@code eemt} command line in this JVM ({@link EemtCli#execute}) and keeps what it wrote on stderr. */
public final class InProcessCli {
    private InProcessCli() {
    }

    /** The exit code and standard error of a command line. */
    public record Outcome(int exitCode, String stderr) {
        /**
         * Asserts the exit code and that eemt wrote exactly one message line ({@code eemt...}; libraries
         * may log on stderr too); returns that line.
         */
        public String onlyEemtLine(int expectedExitCode) {
            List<String> lines = stderr.lines().filter(l -> l.startsWith("eemt")).toList();
            assertEquals(expectedExitCode, exitCode, stderr);
            assertEquals(1, lines.size(), "one line: " + stderr);
            return lines.get(0);
        }
    }

    public static Outcome execute(List<String> args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = EemtCli.execute(args.toArray(String[]::new));
            return new Outcome(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
