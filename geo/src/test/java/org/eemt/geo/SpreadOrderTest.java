package org.eemt.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link SpreadOrder}: every item once, and each short prefix leaves no large gap among the items (circularly). */
class SpreadOrderTest {

    @Test
    void everyItemOnceAndPrefixesSpread() {
        for (int n = 1; n <= 1000; n++) {
            int[] order = SpreadOrder.of(n);
            assertArrayEquals(IntStream.range(0, n).toArray(), Arrays.stream(order).sorted().toArray(), "n = " + n);
            for (int k : new int[] {2, 4, 8, 16}) {
                if (k > n) {
                    continue;
                }
                int[] prefix = Arrays.copyOf(order, k);
                Arrays.sort(prefix);
                int largestGap = prefix[0] + n - prefix[k - 1];
                for (int i = 1; i < k; i++) {
                    largestGap = Math.max(largestGap, prefix[i] - prefix[i - 1]);
                }
                assertTrue(largestGap <= 4.0 * n / k, "n = " + n + ", first " + k + ": a gap of " + largestGap);
            }
        }
    }

    @Test
    void theYearsPassesStartInWinterThenSummer() {
        // 46 passes of 8 days: days 1–8 (January), 153–160 (June), 305–312 (November), 89–96 (March)
        assertArrayEquals(new int[] {0, 19, 38, 11}, Arrays.copyOf(SpreadOrder.of(46), 4));
    }
}
