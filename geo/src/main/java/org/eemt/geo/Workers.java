package org.eemt.geo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A few parts of one piece of work run side by side on threads of their own: how a task that holds
 * several cores (a solar tile with idle cores beside it) uses them. Part 0 runs on the calling
 * thread; the results come back in part order, so that what a caller merges from them does not
 * depend on which part finished first.
 */
public final class Workers {

    /** One part of the work. */
    @FunctionalInterface
    public interface Part<T> {
        T run(int part) throws IOException, InterruptedException;
    }

    private Workers() {
    }

    /**
     * Runs parts 0 .. {@code parts} − 1, each on a thread of its own, and returns their results in part order. The
     * first part to fail (in part order) fails the whole, with its own exception; the others are then interrupted.
     */
    public static <T> List<T> run(int parts, Part<T> part) throws IOException, InterruptedException {
        if (parts <= 1) {
            return Collections.singletonList(part.run(0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts - 1, runnable -> {
            Thread thread = new Thread(runnable, Thread.currentThread().getName() + " worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> others = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                int index = p;
                others.add(pool.submit(() -> part.run(index)));
            }
            List<T> results = new ArrayList<>();
            results.add(part.run(0));
            for (Future<T> other : others) {
                results.add(other.get());
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        } finally {
            pool.shutdownNow();
        }
    }
}
