package org.eemt.job.deploy;

import java.io.PrintStream;
import java.util.List;

/** One environment check: what was checked, its outcome and a line of detail. */
record Check(String name, Outcome outcome, String detail) {

    enum Outcome { OK, WARN, FAIL }

    static Check ok(String name, String detail) {
        return new Check(name, Outcome.OK, detail);
    }

    static Check warn(String name, String detail) {
        return new Check(name, Outcome.WARN, detail);
    }

    static Check fail(String name, String detail) {
        return new Check(name, Outcome.FAIL, detail);
    }

    static boolean failed(List<Check> checks) {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL);
    }

    /** Prints one line per check and returns the exit code: 0, or 3 (environment) if any check failed. */
    static int report(List<Check> checks, PrintStream out) {
        for (Check check : checks) {
            out.printf("%-4s %-22s %s%n", check.outcome(), check.name(), check.detail());
        }
        return failed(checks) ? ExitCodes.ENVIRONMENT : 0;
    }
}
