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
                ProgressLine.line("solar: days", 4, 16, 2.0));
        assertEquals("[eemt] solar: days [####################] 16/16 tasks, 8.0 s", ProgressLine.line("solar: days", 16, 16, 8.0));
        assertEquals("[eemt] plan [....................] 0/3 tasks, 0.0 s", ProgressLine.line("plan", 0, 3, 0.0));
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
