package org.eemt.job.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void lineShowsStageBarTilesAndTimeLeft() {
        assertEquals("[eemt] solar: days [#####...............] 4/16 tasks, 2.0 s, ETA 6 s",
                ProgressLine.line("solar: days", 4, 16, 2.0, new double[] {6, 0}));
        assertEquals("[eemt] solar: days [#####...............] 4/16 tasks, 2.0 s, ETA 6 s + 8 tasks not timed",
                ProgressLine.line("solar: days", 4, 16, 2.0, new double[] {6, 8}));
        assertEquals("[eemt] solar: days [####################] 16/16 tasks, 8.0 s", ProgressLine.line("solar: days", 16, 16, 8.0, null));
        assertEquals("[eemt] plan [....................] 0/3 tasks, 0.0 s", ProgressLine.line("plan", 0, 3, 0.0, null));
    }

    @Test
    void timeLeftWeighsEachStagesTasksByTheirOwnDurations() {
        // 30 of 60 compute tasks of 4 s done on 2 cores in 60 s, then 60 write tasks of 0.1 s: the
        // compute stage has 30 x 4 s / 2 = 60 s left; the writes add 3 s once one of them is timed
        double[] whileComputing = ProgressLine.timeLeft(List.of(new long[] {60, 30, 120_000}, new long[] {60, 0, 0}), 60);
        assertEquals(60, whileComputing[0], 1e-9);
        assertEquals(60, whileComputing[1]);
        double[] whileWriting = ProgressLine.timeLeft(List.of(new long[] {60, 60, 240_000}, new long[] {60, 20, 2_000}), 121);
        assertEquals(40 * 0.1 / (242.0 / 121), whileWriting[0], 1e-9);
        assertEquals(0, whileWriting[1]);
        // the old estimate (elapsed / tasks done x tasks left) said 60 / 30 x 90 = 180 s while computing
        assertEquals(null, ProgressLine.timeLeft(List.of(new long[] {8, 0, 0}), 1.0));
    }

    @Test
    void aSparkJobPrintsItsDescriptionAndEndsWithAllTasksDone() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("progress")
                .set("spark.ui.showConsoleProgress", "false"))) {
            sc.sc().addSparkListener(new ProgressLine(out, false));
            sc.setJobDescription("terrain: test tiles");
            sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).map(i -> {
                Thread.sleep(300);
                return i;
            }).count();
            long deadline = System.nanoTime() + 10_000_000_000L; // the listener bus is asynchronous
            while (!bytes.toString(StandardCharsets.UTF_8).contains("8/8 tasks") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines.length >= 2, String.join("\n", lines));
        assertTrue(lines[0].startsWith("[eemt] terrain: test tiles [") && lines[0].contains(" tasks, ") && lines[0].contains("ETA"),
                lines[0]);
        assertTrue(lines[lines.length - 1].startsWith("[eemt] terrain: test tiles [####################] 8/8 tasks"),
                lines[lines.length - 1]);
    }
}
