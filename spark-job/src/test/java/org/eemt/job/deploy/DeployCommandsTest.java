package org.eemt.job.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The daemons' --dry-run checks, doctor and status, without a cluster. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeployCommandsTest {
    @TempDir
    Path dir;

    @Test
    void masterDryRunFailsOnAPortInUseAndPrintsTheCommand() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run(new MasterCommand(), "--host", "127.0.0.1", "--port", Integer.toString(busy.getLocalPort()),
                    "--webui-port", Integer.toString(FreePort.next()), "--recovery-dir", dir.resolve("recovery").toString(), "--dry-run");
            assertEquals(ExitCodes.ENVIRONMENT, result.exitCode, result.output);
            assertTrue(result.output.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains("port") && l.contains(":" + busy.getLocalPort())), result.output);
            assertTrue(result.output.lines().anyMatch(l -> l.startsWith("OK") && l.contains("recovery-dir")), result.output);
        }
        Result free = run(new MasterCommand(), "--host", "127.0.0.1", "--port", Integer.toString(FreePort.next()),
                "--webui-port", Integer.toString(FreePort.next()), "--recovery-dir", dir.resolve("recovery").toString(), "--dry-run");
        assertEquals(0, free.exitCode, free.output);
        assertTrue(free.output.contains("would run: ") && free.output.contains("org.apache.spark.deploy.master.Master")
                && free.output.contains("-Dspark.deploy.recoveryMode=FILESYSTEM"), free.output);
        // the master binds exactly the ports it is given, never the next free one
        assertTrue(free.output.contains("-Dspark.port.maxRetries=0"), free.output);
    }

    @Test
    void masterRefusesABusyWebUiPortBeforeStarting() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run(new MasterCommand(), "--host", "127.0.0.1", "--port", Integer.toString(FreePort.next()),
                    "--webui-port", Integer.toString(busy.getLocalPort()));
            assertEquals(ExitCodes.ENVIRONMENT, result.exitCode, result.output);
            assertTrue(result.output.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains("webui-port") && l.contains(":" + busy.getLocalPort())),
                    result.output);
        }
    }

    @Test
    void masterWithZooKeeperSetsRecoveryModeUrlAndDirectory() {
        Result result = run(new MasterCommand(), "--host", "127.0.0.1", "--port", Integer.toString(FreePort.next()),
                "--webui-port", Integer.toString(FreePort.next()), "--zookeeper", "zk1:2181,zk2:2181", "--zookeeper-dir", "/eemt-a", "--dry-run");
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("-Dspark.deploy.recoveryMode=ZOOKEEPER -Dspark.deploy.zookeeper.url=zk1:2181,zk2:2181"
                + " -Dspark.deploy.zookeeper.dir=/eemt-a"), result.output);
        Result both = run(new MasterCommand(), "--zookeeper", "zk1:2181", "--recovery-dir", dir.toString(), "--dry-run");
        assertEquals(ExitCodes.USAGE, both.exitCode, both.output);
        assertTrue(both.output.contains("--recovery-dir and --zookeeper exclude each other"), both.output);
    }

    @Test
    void workerJoinsEveryMasterEachWithItsPort() {
        int first = FreePort.next();
        int second = FreePort.next();
        Result result = run(new WorkerCommand(), "--master-host", "127.0.0.1:" + first + ",127.0.0.1",
                "--master-port", Integer.toString(second), "--work-dir", dir.resolve("work").toString(), "--dry-run");
        assertEquals(ExitCodes.ENVIRONMENT, result.exitCode, result.output);
        for (int port : new int[] {first, second}) {
            assertTrue(result.output.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains("master") && l.contains(":" + port)), result.output);
        }
        Result malformed = run(new WorkerCommand(), "--master-host", "127.0.0.1:seventy", "--dry-run");
        assertEquals(ExitCodes.USAGE, malformed.exitCode, malformed.output);
        assertTrue(malformed.output.contains("127.0.0.1:seventy"), malformed.output);
    }

    @Test
    void workerDryRunChecksTheMasterAndTheDisksFreeSpace() throws Exception {
        int closedPort = FreePort.next();
        Result result = run(new WorkerCommand(), "--master-host", "127.0.0.1", "--master-port", Integer.toString(closedPort),
                "--work-dir", dir.resolve("work").toString(), "--disk", dir.resolve("scratch") + ":1000000t", "--dry-run");
        assertEquals(ExitCodes.ENVIRONMENT, result.exitCode, result.output);
        assertTrue(result.output.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains("master") && l.contains("unreachable")), result.output);
        assertTrue(result.output.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains("disk") && l.contains("needs")), result.output);
        assertTrue(result.output.lines().anyMatch(l -> l.startsWith("OK") && l.contains("work-dir")), result.output);
    }

    @Test
    void workerRefusesAMalformedDisk() {
        Result result = run(new WorkerCommand(), "--master-host", "127.0.0.1", "--disk", dir + ":lots", "--dry-run");
        assertEquals(ExitCodes.USAGE, result.exitCode, result.output);
    }

    @Test
    void doctorFailsOnAPathThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Result result = run(new DoctorCommand(), "--path", dir + "," + file.resolve("below"));
        assertEquals(ExitCodes.ENVIRONMENT, result.exitCode, result.output);
        assertTrue(result.output.lines().anyMatch(l -> l.startsWith("OK") && l.contains("java")), result.output);
        assertTrue(result.output.lines().anyMatch(l -> l.startsWith("OK") && l.contains("path") && l.contains(dir + " writable")), result.output);
        assertTrue(result.output.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains(file.resolve("below").toString())), result.output);
    }

    @Test
    void statusExplainsAnUnreachableMaster() {
        Result result = run(new StatusCommand(), "--master", "http://127.0.0.1:" + FreePort.next());
        assertEquals(ExitCodes.ENVIRONMENT, result.exitCode, result.output);
        assertTrue(result.output.contains("is the master running"), result.output);
        assertEquals("http://node1:8088/", StatusCommand.masterWebUi("spark://node1:7077", 8088).toString());
        assertThrows(IllegalArgumentException.class, () -> StatusCommand.masterWebUi("node1:7077", 8080));
    }

    @Test
    void sizesReadSparkNotation() {
        assertEquals(512L << 20, Sizes.parse("512m"));
        assertEquals(100L << 30, Sizes.parse("100G"));
        assertEquals(3L << 40, Sizes.parse("3tb"));
        assertEquals(4096, Sizes.parse("4096"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in this JVM and captures what it prints on stdout and stderr. */
    private static Result run(Object command, String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            int exitCode = new CommandLine(command).execute(args);
            return new Result(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
