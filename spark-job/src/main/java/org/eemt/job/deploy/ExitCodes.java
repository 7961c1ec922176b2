package org.eemt.job.deploy;

/** The project's exit codes (DESIGN.md, Errors). */
final class ExitCodes {
    static final int USAGE = 2;
    static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }
}
