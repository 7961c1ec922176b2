package org.eemt.job.pipeline;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.eemt.job.stage.StageContext;

/**
 * The console progress bar: for the running Spark job (one per step of the pipeline, named by its
 * job description, which starts with the stage's name), a bar and the Spark tasks done out of
 * the total, elapsed time and an estimate of the time left, e.g.
 * {@code [eemt] terrain: slope, aspect, northness [#########...........] 8/16 tasks, 2.1 s, ETA 2 s}.
 * A task's expected duration is its work (the cells of its tile, {@link StageContext#TASK_WORK}; 1 a task
 * without) times the seconds per unit of work of its own Spark stage's finished tasks (a job's quick
 * tasks of one stage do not count as the long tasks of another); a running task is expected to take
 * what is left of that; the tasks not started share the cores seen busy at once ({@link #timeLeft}), and so does what
 * the running tasks have left when they borrow idle cores ({@link StageContext#TASKS_BORROW_IDLE_CORES}).
 * Tasks of stages none of whose tasks has finished are not timed yet, and the line says how many
 * ({@code ETA 38 s + 60 tasks not timed}).
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
    /** The stages of the running job, by Spark stage id. */
    private final Map<Integer, StageTasks> stages = new LinkedHashMap<>();
    /** The most tasks seen running at once in the running job. */
    private int slots;
    /** Whether the running job's tasks borrow idle cores ({@link StageContext#TASKS_BORROW_IDLE_CORES}). */
    private boolean borrowing;
    private long jobStart;
    private long lastPrint;

    /** {@code redraw}: rewrite the line in place ({@code \r}), for terminals. */
    public ProgressLine(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /**
     * The tasks of one Spark stage, by task index: their work, when each started (epoch milliseconds; 0 not yet) and
     * whether it finished, with the work and the milliseconds of the finished ones.
     */
    static final class StageTasks {
        final double[] work;
        final long[] startedMillis;
        final boolean[] finished;
        double finishedWork;
        long finishedMillis;
        /** Tasks started and not finished. */
        int running;

        StageTasks(double[] work) {
            this.work = work;
            startedMillis = new long[work.length];
            finished = new boolean[work.length];
        }

        void started(int task, long launchMillis) {
            if (task >= 0 && task < work.length && !finished[task]) {
                running += startedMillis[task] == 0 ? 1 : 0; // a task attempted again keeps its count
                startedMillis[task] = launchMillis;
            }
        }

        void finished(int task, long durationMillis) {
            if (task >= 0 && task < work.length && !finished[task]) {
                running -= startedMillis[task] > 0 ? 1 : 0;
                finished[task] = true;
                finishedWork += work[task];
                finishedMillis += durationMillis;
            }
        }
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart job) {
        String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
        String work = job.properties() == null ? null : job.properties().getProperty(StageContext.TASK_WORK);
        double[] taskWork = work == null || work.isEmpty() ? null : Arrays.stream(work.split(",")).mapToDouble(Double::parseDouble).toArray();
        label = description == null ? "job " + job.jobId() : description;
        borrowing = job.properties() != null && Boolean.parseBoolean(job.properties().getProperty(StageContext.TASKS_BORROW_IDLE_CORES));
        total = 0;
        stages.clear();
        scala.collection.Iterator<org.apache.spark.scheduler.StageInfo> infos = job.stageInfos().iterator();
        while (infos.hasNext()) {
            org.apache.spark.scheduler.StageInfo stage = infos.next();
            total += stage.numTasks();
            double[] stageWork = taskWork != null && taskWork.length == stage.numTasks() ? taskWork : new double[stage.numTasks()];
            if (stageWork != taskWork) {
                Arrays.fill(stageWork, 1);
            }
            stages.put(stage.stageId(), new StageTasks(stageWork));
        }
        done = 0;
        slots = 0;
        jobStart = System.nanoTime();
        lastPrint = 0;
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart task) {
        StageTasks stage = stages.get(task.stageId());
        if (stage != null && task.taskInfo() != null) {
            stage.started(task.taskInfo().index(), task.taskInfo().launchTime());
            int running = 0;
            for (StageTasks s : stages.values()) {
                running += s.running;
            }
            slots = Math.max(slots, running);
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        if (task.taskInfo() != null && task.taskInfo().successful()) {
            done++;
            StageTasks stage = stages.get(task.stageId());
            if (stage != null) {
                stage.finished(task.taskInfo().index(), task.taskInfo().duration());
            }
        }
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (finished || now - lastPrint > 500_000_000L) {
            lastPrint = now;
            double elapsed = (now - jobStart) / 1e9;
            String line = line(label, Math.min(done, total), total, elapsed, timeLeft(stages.values(), System.currentTimeMillis(), slots, borrowing));
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
     * The time left of a job: {seconds, tasks not timed}, at {@code nowMillis} (epoch), with {@code slots} tasks seen
     * running at once; null before any task is done. Each unfinished task of a timed stage is expected to take its work
     * times the stage's milliseconds per unit of work so far, less what it has run: the tasks not started share the
     * slots with what the running ones have left; without any, the running task with the most left ends the job, unless
     * the tasks are {@code borrowing} idle cores, which then share what they have left.
     */
    static double[] timeLeft(Iterable<StageTasks> stages, long nowMillis, int slots, boolean borrowing) {
        double waitingSeconds = 0;
        double runningSeconds = 0;
        double longestRunning = 0;
        long notTimed = 0;
        boolean timed = false;
        for (StageTasks stage : stages) {
            for (int t = 0; t < stage.work.length; t++) {
                if (stage.finished[t]) {
                    continue;
                }
                if (stage.finishedWork == 0) {
                    notTimed++;
                    continue;
                }
                double expected = stage.work[t] * stage.finishedMillis / stage.finishedWork / 1e3;
                if (stage.startedMillis[t] > 0) {
                    double left = Math.max(0, expected - (nowMillis - stage.startedMillis[t]) / 1e3);
                    runningSeconds += left;
                    longestRunning = Math.max(longestRunning, left);
                } else {
                    waitingSeconds += expected;
                }
            }
            timed |= stage.finishedWork > 0;
        }
        if (!timed) {
            return null;
        }
        double seconds = waitingSeconds > 0 || borrowing ? (waitingSeconds + runningSeconds) / Math.max(1, slots) : longestRunning;
        return new double[] {seconds, notTimed};
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
