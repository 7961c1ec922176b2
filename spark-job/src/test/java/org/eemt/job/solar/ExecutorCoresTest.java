package org.eemt.job.solar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link ExecutorCores}: cores are lent while the tile tasks' threads and the helpers leave some idle, and the executor
 * is overbooked when a task starts on a core a helper holds.
 */
class ExecutorCoresTest {

    @Test
    void lendsTheCoresThatNoTaskHolds() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            System.err.println("ExecutorCoresTest: SKIPPED, it needs 2 processors and this machine has 1");
        }
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2);
        ExecutorCores cores = new ExecutorCores(2);
        ExecutorCores.hold(1);
        try {
            // one task of one thread on an executor of 2 cores: one lent, then none
            assertTrue(cores.take());
            assertFalse(cores.take());
            assertFalse(cores.overbooked());
            // a new task starts where the helper runs: overbooked until the helper gives its core back
            ExecutorCores.hold(1);
            assertTrue(cores.overbooked());
            cores.release();
            assertFalse(cores.overbooked());
            assertFalse(cores.take());
            ExecutorCores.free(1);
            assertTrue(cores.take(), "a core is lent again once the new task ended");
            cores.release();
        } finally {
            ExecutorCores.free(1);
        }
    }

    @Test
    void lendsNoMoreThanTheProcessorsOfTheMachine() {
        int processors = Runtime.getRuntime().availableProcessors();
        ExecutorCores cores = new ExecutorCores(processors + 5);
        ExecutorCores.hold(processors);
        try {
            assertFalse(cores.take());
            assertFalse(cores.overbooked());
        } finally {
            ExecutorCores.free(processors);
        }
        int lent = 0;
        while (lent <= processors && cores.take()) {
            lent++;
        }
        for (int i = 0; i < lent; i++) {
            cores.release();
        }
        assertEquals(processors, lent);
    }
}
