package org.eemt.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedWork}: every item runs once, whoever claims it; helpers join on lent cores, give them back when the
 * process is overbooked or no item is left; a failure stops the claims.
 */
class SharedWorkTest {

    @Test
    void oneThreadWithoutSpareCoresRunsTheItemsInOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        SharedWork.run(20, 1, SpareCores.NONE, Object::new, (state, item) -> order.add(item));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
    }

    @Test
    void helpersOnLentCoresRunItemsOnceEachAndGiveTheCoresBack() throws Exception {
        Lender lender = new Lender(3, Integer.MAX_VALUE);
        Map<Integer, String> ranBy = new ConcurrentHashMap<>();
        AtomicInteger runs = new AtomicInteger();
        SharedWork.run(40, 1, lender, Object::new, (state, item) -> {
            runs.incrementAndGet();
            ranBy.put(item, Thread.currentThread().getName());
            Thread.sleep(10);
        });
        assertEquals(40, runs.get());
        assertEquals(40, ranBy.size());
        assertEquals(3, lender.lent.get(), "three cores lent");
        assertEquals(0, lender.out.get(), "every lent core given back");
        assertTrue(ranBy.values().stream().distinct().count() > 1, "helpers ran items: " + ranBy);
    }

    @Test
    void aHelperStopsWhenTheProcessIsOverbooked() throws Exception {
        // overbooked once one item has run on a lent core: the helper gives its core back, the first thread does the rest
        Lender lender = new Lender(1, 1);
        Map<Integer, String> ranBy = new ConcurrentHashMap<>();
        String first = Thread.currentThread().getName();
        SharedWork.run(30, 1, lender, Object::new, (state, item) -> {
            ranBy.put(item, Thread.currentThread().getName());
            if (!Thread.currentThread().getName().equals(first)) {
                lender.helperItems.incrementAndGet();
            }
            Thread.sleep(5);
        });
        assertEquals(30, ranBy.size());
        assertEquals(0, lender.out.get());
        assertTrue(lender.helperItems.get() <= 1, "the helper stopped after its first item: " + lender.helperItems.get());
    }

    @Test
    void eachThreadKeepsItsOwnState() throws Exception {
        Map<Object, String> owners = new ConcurrentHashMap<>();
        SharedWork.run(40, 2, new Lender(2, Integer.MAX_VALUE), Object::new, (state, item) -> {
            String previous = owners.putIfAbsent(state, Thread.currentThread().getName());
            assertEquals(previous == null ? Thread.currentThread().getName() : previous, Thread.currentThread().getName());
            Thread.sleep(2);
        });
        assertTrue(owners.size() >= 2);
    }

    @Test
    void theFirstFailureFailsTheWholeAndStopsTheClaims() {
        IOException broken = new IOException("item 3 broken");
        AtomicInteger runs = new AtomicInteger();
        Lender lender = new Lender(2, Integer.MAX_VALUE);
        IOException thrown = assertThrows(IOException.class, () -> SharedWork.run(1000, 2, lender, Object::new, (state, item) -> {
            runs.incrementAndGet();
            if (item == 3) {
                throw broken;
            }
            Thread.sleep(1);
        }));
        assertSame(broken, thrown);
        assertTrue(runs.get() < 20, "no items claimed after the failure: " + runs.get() + " ran");
    }

    /** Lends up to {@code cores} cores, overbooked once helpers have run {@code overbookedAfter} items. */
    private static final class Lender implements SpareCores {
        final int cores;
        final int overbookedAfter;
        final AtomicInteger lent = new AtomicInteger();
        final AtomicInteger out = new AtomicInteger();
        final AtomicInteger helperItems = new AtomicInteger();

        Lender(int cores, int overbookedAfter) {
            this.cores = cores;
            this.overbookedAfter = overbookedAfter;
        }

        @Override
        public synchronized boolean take() {
            if (lent.get() >= cores) {
                return false;
            }
            lent.incrementAndGet();
            out.incrementAndGet();
            return true;
        }

        @Override
        public boolean overbooked() {
            return helperItems.get() >= overbookedAfter;
        }

        @Override
        public void release() {
            out.decrementAndGet();
        }
    }
}
