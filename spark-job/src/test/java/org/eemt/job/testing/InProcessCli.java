package org.eemt.job.testing;

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
        /** The lines of eemt's own messages ({@code eemt...}); libraries may log on stderr too. */
        public List<String> eemtLines() {
            return stderr.lines().filter(l -> l.startsWith("eemt")).toList();
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
