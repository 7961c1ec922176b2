package org.eemt.job.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellStatisticsTest {

    @Test
    void partsMergeToTheStatisticsOfTheWholeComputedDirectly() {
        Random random = new Random(7);
        float[] cells = new float[10_000];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i % 17 == 0 ? Float.NaN : (float) (2500 + 300 * random.nextGaussian());
        }
        double[] valid = new double[0];
        for (float v : cells) {
            if (!Float.isNaN(v)) {
                valid = Arrays.copyOf(valid, valid.length + 1);
                valid[valid.length - 1] = v;
            }
        }
        double mean = Arrays.stream(valid).sum() / valid.length;
        double sd = Math.sqrt(Arrays.stream(valid).map(v -> (v - mean) * (v - mean)).sum() / valid.length);

        CellStatistics merged = CellStatistics.EMPTY;
        for (int from = 0; from < cells.length; from += 777) {
            merged = CellStatistics.of(Arrays.copyOfRange(cells, from, Math.min(cells.length, from + 777))).merge(merged);
        }
        assertEquals(valid.length, merged.count());
        assertEquals(mean, merged.mean(), 1e-9);
        assertEquals(sd, merged.sd(), 1e-9);
        assertEquals(Arrays.stream(valid).min().orElseThrow(), merged.min());
        assertEquals(Arrays.stream(valid).max().orElseThrow(), merged.max());
        assertEquals(0, CellStatistics.of(new float[] {Float.NaN}).count());
    }
}
