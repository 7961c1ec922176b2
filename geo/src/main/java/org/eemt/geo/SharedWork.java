package org.eemt.geo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The items of one piece of work, each run once, claimed one at a time (in order) by a fixed number of threads and by
 * helpers on cores that {@link SpareCores} lends: a task whose neighbours on the executor have ended keeps the idle
 * cores busy to its own end. The first thread asks for spare cores after each of its items, while items are left; a
 * helper gives its core back when none is left or the process is {@linkplain SpareCores#overbooked overbooked} (a new
 * task started there). Each thread keeps a state of its own for its items (e.g. arrays it reuses).
 */
public final class SharedWork<S> {

    /** Runs one item with the state of the thread that claimed it. */
    @FunctionalInterface
    public interface Item<S> {
        void run(S state, int item) throws IOException, InterruptedException;
    }

    private final int items;
    private final SpareCores spare;
    private final Supplier<S> newState;
    private final Item<S> item;
    private final AtomicInteger next = new AtomicInteger();

    private SharedWork(int items, SpareCores spare, Supplier<S> newState, Item<S> item) {
        this.items = items;
        this.spare = spare;
        this.newState = newState;
        this.item = item;
    }

    /**
     * Items 0 .. {@code items} − 1 on {@code threads} threads ({@link Workers}: the calling one and threads of their own)
     * and the helpers {@code spare} lends cores for, each thread with a state from {@code newState}. The first failure
     * fails the whole; no item is claimed after it, and the helpers are interrupted.
     */
    public static <S> void run(int items, int threads, SpareCores spare, Supplier<S> newState, Item<S> item)
            throws IOException, InterruptedException {
        SharedWork<S> work = new SharedWork<>(items, spare, newState, item);
        Workers.run(Math.max(1, Math.min(threads, items)), work::part);
    }

    /** One of the fixed threads; the first one starts helpers between its items, and waits for them. */
    private Void part(int part) throws IOException, InterruptedException {
        return claim(part == 0, false);
    }

    /** A helper on a lent core: items while some are left and the process is not overbooked, then the core back. */
    private Void helper() throws IOException, InterruptedException {
        try {
            return claim(false, true);
        } finally {
            spare.release();
        }
    }

    /**
     * Claims and runs items while some are left (and, on a {@code lent} core, the process is not overbooked), starting a
     * helper on every core {@link #spare} lends after each item if {@code startsHelpers}, and waiting for them at the end.
     */
    private Void claim(boolean startsHelpers, boolean lent) throws IOException, InterruptedException {
        ExecutorService helpers = null;
        List<Future<Void>> helping = new ArrayList<>();
        try {
            S state = newState.get();
            int i;
            while (!(lent && spare.overbooked()) && (i = next.getAndIncrement()) < items) {
                item.run(state, i);
                while (startsHelpers && next.get() < items && spare.take()) {
                    helpers = helpers == null ? Workers.threads(0) : helpers;
                    helping.add(helpers.submit(this::helper));
                }
            }
            for (Future<Void> helper : helping) {
                Workers.result(helper);
            }
            return null;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            next.set(items);
            throw e;
        } finally {
            if (helpers != null) {
                helpers.shutdownNow();
            }
        }
    }
}
