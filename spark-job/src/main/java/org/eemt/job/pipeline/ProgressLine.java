package org.eemt.job.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The console progress bar: for the running Spark job (one per step of the pipeline, named by its
 * job description, which starts with the stage's name), a bar and the Spark tasks done out of
 * the total, elapsed time and an estimate of the time left, e.g.
 * {@code [eemt] terrain: slope, aspect, northness [#########...........] 8/16 tasks, 2.1 s, ETA 2 s}.
 * Printed at most twice a second and once when a job's last task ends; on a terminal the line is
 * redrawn in place, elsewhere (logs, CI) each update is a line of its own.
 */
public final class ProgressLine extends SparkListener {
    private static final int BAR = 20;
    private final PrintStream out;
    private final boolean redraw;
    private String label = "";
    private int total;
    private int done;
    private long jobStart;
    private long lastPrint;

    /** {@code redraw}: rewrite the line in place ({@code \r}), for terminals. */
    public ProgressLine(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart job) {
        String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
        label = description == null ? "job " + job.jobId() : description;
        total = 0;
        scala.collection.Iterator<org.apache.spark.scheduler.StageInfo> stages = job.stageInfos().iterator();
        while (stages.hasNext()) {
            total += stages.next().numTasks();
        }
        done = 0;
        jobStart = System.nanoTime();
        lastPrint = 0;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        if (task.taskInfo() != null && task.taskInfo().successful()) {
            done++;
        }
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (finished || now - lastPrint > 500_000_000L) {
            lastPrint = now;
            String line = line(label, Math.min(done, total), total, (now - jobStart) / 1e9);
            if (redraw) {
                out.print("\r" + line + (finished ? "\n" : ""));
                out.flush();
            } else {
                out.println(line);
            }
        }
    }

    /**
     * A job whose stages were partly skipped (their output was cached) never reaches its planned
     * task count: its successful end closes the bar at the tasks that ran.
     */
    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd job) {
        if (done < total && job.jobResult() == org.apache.spark.scheduler.JobSucceeded$.MODULE$) {
            String line = line(label, done, done, (System.nanoTime() - jobStart) / 1e9);
            out.print(redraw ? "\r" + line + "\n" : line + "\n");
            out.flush();
            total = done;
        }
    }

    /** One progress line: label, bar, tasks done of total, elapsed seconds and, while unfinished, the time left. */
    static String line(String label, int done, int total, double elapsedSeconds) {
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        String eta = done == 0 || done >= total ? "" : String.format(Locale.ROOT, ", ETA %.0f s", elapsedSeconds / done * (total - done));
        return String.format(Locale.ROOT, "[eemt] %s [%s] %d/%d tasks, %.1f s%s", label, bar, done, total, elapsedSeconds, eta);
    }
}
