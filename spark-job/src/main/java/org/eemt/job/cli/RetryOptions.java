package org.eemt.job.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How often the fetch commands retry a busy or broken service, and how long they wait. */
public final class RetryOptions {
    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Attempts per request before giving up (pauses 2, 4, 8 ... s). Default: ${DEFAULT-VALUE}.")
    int retries;

    /** The first pause; only tests shorten it. */
    @Option(names = "--retry-pause-ms", hidden = true, defaultValue = "2000")
    long retryPauseMs;

    Duration firstPause() {
        return Duration.ofMillis(retryPauseMs);
    }
}
