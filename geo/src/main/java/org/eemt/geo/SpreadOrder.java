package org.eemt.geo;

/**
 * An order of the items 0 .. n − 1 in which each prefix is spread evenly over them: item j·s mod n for j = 0, 1, …,
 * with the stride s the first integer coprime to n counting up from the one nearest n·(1 − 1/φ) (φ the golden
 * ratio), so that each next item falls into one of the largest gaps left, nearly (Knuth, TAOCP vol. 3, §6.4:
 * Fibonacci hashing and the three-distance theorem).
 *
 * <p>Used where items are alike in result but not in the branches their code takes (days of the year, azimuths of the
 * compass): the first items run show the JIT compiler the code's paths across the whole range, so that its optimised
 * code is not thrown away and compiled again as later items take paths not seen yet (docs/performance.md).
 */
public final class SpreadOrder {
    private static final double STRIDE_FRACTION = 1 - 2 / (1 + Math.sqrt(5));

    private SpreadOrder() {
    }

    /** The items 0 .. {@code n} − 1, each once, spread: item j·s mod n at position j. */
    public static int[] of(int n) {
        int stride = Math.max(1, (int) Math.round(n * STRIDE_FRACTION));
        while (n > 1 && greatestCommonDivisor(stride, n) != 1) {
            stride++;
        }
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = (int) ((long) j * stride % n);
        }
        return order;
    }

    private static int greatestCommonDivisor(int a, int b) {
        return b == 0 ? a : greatestCommonDivisor(b, a % b);
    }
}
