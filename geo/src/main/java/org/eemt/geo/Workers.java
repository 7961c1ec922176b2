package org.eemt.geo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

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
        ExecutorService pool = threads(parts - 1);
        try {
            List<Future<T>> others = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                int index = p;
                others.add(pool.submit(() -> part.run(index)));
            }
            List<T> results = new ArrayList<>();
            results.add(part.run(0));
            for (Future<T> other : others) {
                results.add(result(other));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A pool of at most {@code threads} daemon threads (any number for 0) named after the calling thread. */
    static ExecutorService threads(int threads) {
        String name = Thread.currentThread().getName() + " worker";
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
        return threads == 0 ? Executors.newCachedThreadPool(factory) : Executors.newFixedThreadPool(threads, factory);
    }

    /** The result of a part run on another thread, or the exception it failed with. */
    static <T> T result(Future<T> part) throws IOException, InterruptedException {
        try {
            return part.get();
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
        }
    }
}
