package org.eemt.geo;

/**
 * A failure the user can act on: one line naming the file (or setting), the problem and the fix,
 * and the process exit code that goes with it.
 *
 * <p>Exit codes: {@link #INPUT} (2) for bad usage or bad input data, {@link #ENVIRONMENT} (3) for
 * a missing tool, runtime or unwritable location. Anything else that escapes is a bug (exit 1).
 */
public final class EemtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for bad usage or bad input data. */
    public static final int INPUT = 2;
    /** Exit code for a broken environment: missing GRASS, container runtime, unwritable storage. */
    public static final int ENVIRONMENT = 3;

    private final int exitCode;

    private EemtException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input: {@code subject: problem. fix}. */
    public static EemtException input(String subject, String problem, String fix) {
        return new EemtException(INPUT, line(subject, problem, fix), null);
    }

    /** Bad input discovered through an exception that explains the details. */
    public static EemtException input(String subject, String problem, String fix, Throwable cause) {
        return new EemtException(INPUT, line(subject, problem, fix), cause);
    }

    /** Broken environment: {@code subject: problem. fix}. */
    public static EemtException environment(String subject, String problem, String fix) {
        return new EemtException(ENVIRONMENT, line(subject, problem, fix), null);
    }

    /** Broken environment discovered through an exception. */
    public static EemtException environment(String subject, String problem, String fix, Throwable cause) {
        return new EemtException(ENVIRONMENT, line(subject, problem, fix), cause);
    }

    public int exitCode() {
        return exitCode;
    }

    private static String line(String subject, String problem, String fix) {
        String text = subject + ": " + problem
                + (fix == null || fix.isEmpty() ? "" : ". " + Character.toUpperCase(fix.charAt(0)) + fix.substring(1));
        return text.replace('\n', ' ');
    }
}
