package org.eemt.job.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.job.stage.StageContext;
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
    void timeLeftWeighsTasksByTheirWorkAndCountsWhatRunningTasksHaveLeft() {
        // a 770 k-cell DEM's six solar tiles on 2 cores: the first 262 144-cell tile ended after 34.5 s, the other one
        // started with it is about to end, and a 44 032-cell tile has just started; measured, the stage ended 18 s later
        ProgressLine.StageTasks solar = new ProgressLine.StageTasks(new double[] {262_144, 262_144, 44_032, 93_184, 93_184, 15_652});
        long start = 1_000_000;
        long now = start + 34_500;
        solar.started(0, start);
        solar.started(1, start);
        solar.finished(0, 34_500);
        solar.started(2, now);
        double secondsPerCell = 34.5 / 262_144;
        double[] left = ProgressLine.timeLeft(List.of(solar), now, 2, false);
        assertEquals((93_184 + 93_184 + 15_652 + 44_032) * secondsPerCell / 2, left[0], 1e-9);
        assertEquals(0, left[1]);
        assertTrue(left[0] > 14 && left[0] < 20, "ETA " + left[0]); // counting tasks alike said 5 x 34.5 = 172.5 s
        // once no task waits, the running task with the most left ends the job
        solar.finished(1, 40_200);
        solar.started(3, now + 5_000);
        solar.started(4, now + 5_700);
        solar.finished(2, 5_700);
        solar.started(5, now + 11_400);
        solar.finished(3, 10_000);
        double rate = (34_500 + 40_200 + 5_700 + 10_000) / 1e3 / (262_144 + 262_144 + 44_032 + 93_184);
        long later = now + 15_000;
        assertEquals(93_184 * rate - 9.3, ProgressLine.timeLeft(List.of(solar), later, 2, false)[0], 1e-9);
        // tasks that borrow idle cores share what the running ones have left: tile 4 has 93 184 cells' worth less its 9.3 s,
        // tile 5 has run past its 15 652 cells' worth (nothing left)
        assertTrue(15_652 * rate < 3.6);
        assertEquals((93_184 * rate - 9.3) / 2, ProgressLine.timeLeft(List.of(solar), later, 2, true)[0], 1e-9);
        assertEquals(null, ProgressLine.timeLeft(List.of(new ProgressLine.StageTasks(new double[] {1, 1})), later, 2, false));
    }

    @Test
    void timeLeftTimesEachStageByItsOwnTasks() {
        // 30 of 60 compute tasks of 4 s done on 2 cores, then 60 write tasks of 0.1 s: the compute stage has 30 x 4 s / 2
        // = 60 s left and the writes are not timed; once 20 writes are done, 40 x 0.1 s / 2 = 2 s
        double[] ones = new double[60];
        java.util.Arrays.fill(ones, 1);
        ProgressLine.StageTasks compute = new ProgressLine.StageTasks(ones.clone());
        ProgressLine.StageTasks writes = new ProgressLine.StageTasks(ones.clone());
        for (int t = 0; t < 30; t++) {
            compute.started(t, 1);
            compute.finished(t, 4_000);
        }
        double[] whileComputing = ProgressLine.timeLeft(List.of(compute, writes), 60_000, 2, false);
        assertEquals(60, whileComputing[0], 1e-9);
        assertEquals(60, whileComputing[1]);
        for (int t = 30; t < 60; t++) {
            compute.started(t, 1);
            compute.finished(t, 4_000);
        }
        for (int t = 0; t < 20; t++) {
            writes.started(t, 1);
            writes.finished(t, 100);
        }
        double[] whileWriting = ProgressLine.timeLeft(List.of(compute, writes), 121_000, 2, false);
        assertEquals(2, whileWriting[0], 1e-9);
        assertEquals(0, whileWriting[1]);
    }

    @Test
    void aSparkJobPrintsItsDescriptionAndEndsWithAllTasksDone() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("progress")
                .set("spark.ui.showConsoleProgress", "false"))) {
            sc.sc().addSparkListener(new ProgressLine(out, false));
            sc.setJobDescription("terrain: test tiles");
            sc.setLocalProperty(StageContext.TASK_WORK, "1,2,3,4,5,6,7,8"); // as a tile job gives its tiles' cells
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
