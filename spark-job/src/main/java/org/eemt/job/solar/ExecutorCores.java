package org.eemt.job.solar;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;
import org.eemt.geo.SpareCores;

/**
 * The cores of one executor (its JVM) and how many of them the solar tile tasks running there keep busy: the threads
 * each task holds ({@link #hold}) and the helpers whose cores were lent ({@link #take}). A tile whose neighbours have
 * ended borrows the idle cores for its days; when Spark starts another task there, the executor is overbooked and the
 * helpers give their cores back after their pass.
 */
final class ExecutorCores implements SpareCores, Serializable {
    private static final long serialVersionUID = 1L;
    /** The busy cores of this JVM: the threads of the running tile tasks and their helpers. */
    private static final AtomicInteger BUSY = new AtomicInteger();

    private final int cores;

    /** An executor of {@code cores} cores (at most the JVM's processors, where it runs). */
    ExecutorCores(int cores) {
        this.cores = cores;
    }

    /** A task starts with {@code threads} threads of its own. */
    static void hold(int threads) {
        BUSY.addAndGet(threads);
    }

    /** A task that held {@code threads} threads ended. */
    static void free(int threads) {
        BUSY.addAndGet(-threads);
    }

    private int cores() {
        return Math.min(cores, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public boolean take() {
        int cores = cores();
        for (int busy = BUSY.get(); busy < cores; busy = BUSY.get()) {
            if (BUSY.compareAndSet(busy, busy + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean overbooked() {
        return BUSY.get() > cores();
    }

    @Override
    public void release() {
        BUSY.decrementAndGet();
    }
}
