package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eemt fetch-daymet} through the CLI: exit codes and one-line errors (the downloads are tested in geo). */
class FetchDaymetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void yearsBeforeDaymetAreAnInputError() {
        Result r = run("--years", "1975-1981", "--url", "http://127.0.0.1:9/ncss");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("starts before 1980"), r.err);
    }

    @Test
    void anUnreachableServiceIsAnEnvironmentErrorAfterItsRetries() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Result r = run("--years", "2000", "--retries", "1", "--url", "http://127.0.0.1:" + closedPort + "/ncss");
        assertEquals(3, r.code, r.err);
        assertTrue(r.err.lines().filter(l -> l.startsWith("eemt: ")).count() == 1 && r.err.contains("failed 1 times"), r.err);
    }

    private record Result(int code, String err) {
    }

    private Result run(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("fetch-daymet", "--dem",
                TestData.sampleDem().toString(), "--out", tmp.resolve("climate").toString()));
        args.addAll(java.util.List.of(extra));
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(EemtCli.execute(args.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
