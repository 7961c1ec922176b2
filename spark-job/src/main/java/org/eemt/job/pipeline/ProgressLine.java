package org.eemt.job.pipeline;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The console progress bar: for the running Spark job (one per step of the pipeline, named by its
 * job description, which starts with the stage's name), a bar and the Spark tasks done out of
 * the total, elapsed time and an estimate of the time left, e.g.
 * {@code [eemt] terrain: slope, aspect, northness [#########...........] 8/16 tasks, 2.1 s, ETA 2 s}.
 * The estimate weighs each Spark stage's remaining tasks by the mean duration of its own finished
 * tasks (a job's quick tasks of one stage do not count as the long tasks of another), divided by the
 * parallelism seen so far; tasks of stages none of whose tasks has finished are not timed yet, and
 * the line says how many ({@code ETA 38 s + 60 tasks not timed}).
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
    /** Per stage of the running job: {tasks, tasks done, milliseconds of the done tasks}. */
    private final Map<Integer, long[]> stages = new LinkedHashMap<>();
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
        stages.clear();
        scala.collection.Iterator<org.apache.spark.scheduler.StageInfo> infos = job.stageInfos().iterator();
        while (infos.hasNext()) {
            org.apache.spark.scheduler.StageInfo stage = infos.next();
            total += stage.numTasks();
            stages.put(stage.stageId(), new long[] {stage.numTasks(), 0, 0});
        }
        done = 0;
        jobStart = System.nanoTime();
        lastPrint = 0;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        if (task.taskInfo() != null && task.taskInfo().successful()) {
            done++;
            long[] stage = stages.get(task.stageId());
            if (stage != null) {
                stage[1]++;
                stage[2] += task.taskInfo().duration();
            }
        }
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (finished || now - lastPrint > 500_000_000L) {
            lastPrint = now;
            double elapsed = (now - jobStart) / 1e9;
            String line = line(label, Math.min(done, total), total, elapsed, timeLeft(stages.values(), elapsed));
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
            String line = line(label, done, done, (System.nanoTime() - jobStart) / 1e9, null);
            out.print(redraw ? "\r" + line + "\n" : line + "\n");
            out.flush();
            total = done;
        }
    }

    /**
     * The time left of a job: {seconds, tasks not timed}, from its stages' {tasks, tasks done,
     * milliseconds of the done tasks} and the job's elapsed seconds; null before any task is done.
     */
    static double[] timeLeft(Iterable<long[]> stages, double elapsedSeconds) {
        double busySeconds = 0;
        double leftTaskSeconds = 0;
        long notTimed = 0;
        for (long[] stage : stages) {
            long left = stage[0] - stage[1];
            if (stage[1] == 0) {
                notTimed += left;
            } else {
                busySeconds += stage[2] / 1e3;
                leftTaskSeconds += left * (stage[2] / 1e3 / stage[1]);
            }
        }
        if (busySeconds == 0 || elapsedSeconds <= 0) {
            return null;
        }
        double parallelism = Math.max(1, busySeconds / elapsedSeconds);
        return new double[] {leftTaskSeconds / parallelism, notTimed};
    }

    /**
     * One progress line: label, bar, tasks done of total, elapsed seconds and, while unfinished and
     * known, the time left ({@link #timeLeft}).
     */
    static String line(String label, int done, int total, double elapsedSeconds, double[] timeLeft) {
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        String eta = "";
        if (timeLeft != null && done < total) {
            eta = String.format(Locale.ROOT, ", ETA %.0f s", timeLeft[0])
                    + (timeLeft[1] > 0 ? String.format(Locale.ROOT, " + %.0f tasks not timed", timeLeft[1]) : "");
        }
        return String.format(Locale.ROOT, "[eemt] %s [%s] %d/%d tasks, %.1f s%s", label, bar, done, total, elapsedSeconds, eta);
    }
}
