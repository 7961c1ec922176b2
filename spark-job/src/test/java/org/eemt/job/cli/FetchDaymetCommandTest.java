package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eemt fetch-daymet} through the CLI: exit codes and one-line errors (the downloads are tested in geo). */
class FetchDaymetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void yearsBeforeDaymetAreAnInputError() {
        InProcessCli.Outcome r = run("--years", "1975-1981", "--url", "http://127.0.0.1:9/ncss");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("starts before 1980"), r.stderr());
    }

    @Test
    void anUnreachableServiceIsAnEnvironmentErrorAfterItsRetries() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        InProcessCli.Outcome r = run("--years", "2000", "--retries", "1", "--url", "http://127.0.0.1:" + closedPort + "/ncss");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().lines().filter(l -> l.startsWith("eemt: ")).count() == 1 && r.stderr().contains("failed 1 times"), r.stderr());
    }

    private InProcessCli.Outcome run(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("fetch-daymet", "--dem",
                TestData.sampleDem().toString(), "--out", tmp.resolve("climate").toString()));
        args.addAll(java.util.List.of(extra));
        return InProcessCli.execute(args);
    }
}
