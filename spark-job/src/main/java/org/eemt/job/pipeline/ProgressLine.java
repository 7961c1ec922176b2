package org.eemt.job.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The console progress line: for the running Spark job (one per stage of the pipeline, named by
 * its job description), tasks (tiles) done out of the total, elapsed time and an estimate of the
 * time left. Printed at most twice a second, and once when a job's last task ends.
 */
public final class ProgressLine extends SparkListener {
    private final PrintStream out;
    private String label = "";
    private int total;
    private int done;
    private long jobStart;
    private long lastPrint;

    public ProgressLine(PrintStream out) {
        this.out = out;
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
        if (done >= total || now - lastPrint > 500_000_000L) {
            lastPrint = now;
            double elapsed = (now - jobStart) / 1e9;
            String eta = done == 0 || done >= total ? "" : String.format(Locale.ROOT, ", about %.0f s left", elapsed / done * (total - done));
            out.printf(Locale.ROOT, "[eemt] %s: %d/%d tiles, %.1f s%s%n", label, Math.min(done, total), total, elapsed, eta);
        }
    }
}
