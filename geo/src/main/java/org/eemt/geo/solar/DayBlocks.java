package org.eemt.geo.solar;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.eemt.geo.Workers;

/**
 * A tile's days cut into consecutive blocks computed side by side ({@link Workers}), one thread per block, and the
 * blocks' sums merged in block order. {@link MonthlySolarSums} adds exactly, so the result does not depend on the
 * number of blocks.
 */
final class DayBlocks {

    /** The computation of one block of days. */
    @FunctionalInterface
    interface Block {
        SolarEngine.Result compute(int[] days) throws IOException, InterruptedException;
    }

    private DayBlocks() {
    }

    /** {@code days} in {@code threads} blocks (fewer when there are fewer days); the tool version is the first block's. */
    static SolarEngine.Result sum(int[] days, int threads, Block block) throws IOException, InterruptedException {
        int blocks = Math.max(1, Math.min(threads, days.length));
        List<SolarEngine.Result> results = Workers.run(blocks,
                b -> block.compute(Arrays.copyOfRange(days, b * days.length / blocks, (b + 1) * days.length / blocks)));
        MonthlySolarSums sums = results.get(0).sums();
        for (SolarEngine.Result other : results.subList(1, results.size())) {
            sums.add(other.sums());
        }
        return new SolarEngine.Result(sums, results.get(0).toolVersion());
    }
}
