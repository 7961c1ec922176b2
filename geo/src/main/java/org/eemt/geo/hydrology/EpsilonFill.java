package org.eemt.geo.hydrology;

import java.util.Arrays;

/**
 * Depression filling by Priority-Flood with an ε-gradient: Barnes, Lehman &amp; Mulla (2014),
 * "Priority-Flood: An optimal depression-filling and watershed-labeling algorithm for digital
 * elevation models", Computers &amp; Geosciences 62:117-127, Algorithm 3 ("Priority-Flood+ε").
 *
 * <p>The flood starts from the seeds and visits cells in increasing order of their filled
 * elevation; a cell first reached from cell c gets {@code F = max(z, nextUp(F(c)))}, the next
 * float32 above c (ε = one unit in the last place). So every filled cell has a strictly lower
 * neighbour and drains to a seed. Seeds keep their elevation: cells next to NoData or the
 * DEM's edge (NoData around the DEM), and the fixed boundary values given with a tile.
 *
 * <p>The result is the unique solution of {@code F(n) = max(z(n), nextUp(min over the 8
 * neighbours m of F(m)))} for every non-seed cell (the update is monotone and strictly
 * increasing, so the argument of Knuth's generalisation of Dijkstra's algorithm applies). That is
 * what makes the tiled computation exact: filling a tile from the true values of the ring of cells
 * around it gives the true values inside ({@link TiledHydrology}).
 *
 * <p>Cost O(n log n) with an array-based binary heap; no recursion.
 */
public final class EpsilonFill {
    private EpsilonFill() {
    }

    /**
     * Fills the core of a padded tile in place.
     *
     * @param cells {@code pw x ph} row-major: the core (elevations in, filled elevations out)
     *              surrounded by a one-cell ring that is never changed. NaN is NoData (the ring is
     *              NaN outside the DEM); a finite ring value is a seed with that filled elevation;
     *              +∞ in the ring means "not known yet". Core cells that no seed reaches come out +∞.
     */
    public static void fill(float[] cells, int pw, int ph) {
        int n = pw * ph;
        boolean[] done = new boolean[n];
        CellHeap heap = new CellHeap(Math.max(16, 2 * (pw + ph)));
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                int i = y * pw + x;
                boolean ring = x == 0 || y == 0 || x == pw - 1 || y == ph - 1;
                float v = cells[i];
                if (ring || Float.isNaN(v)) {
                    done[i] = true;
                    if (ring && v < Float.POSITIVE_INFINITY) {
                        heap.push(v, i);
                    }
                } else if (nextToNoData(cells, pw, i)) {
                    done[i] = true;
                    heap.push(v, i);
                }
            }
        }
        float[] raised = new float[n];
        for (int i = 0; i < n; i++) {
            if (!done[i]) {
                raised[i] = cells[i];
                cells[i] = Float.POSITIVE_INFINITY;
            }
        }
        int[] offsets = {-pw - 1, -pw, -pw + 1, -1, 1, pw - 1, pw, pw + 1};
        while (heap.size() > 0) {
            float v = heap.topKey();
            int c = heap.pop();
            float spill = Math.nextUp(v);
            for (int o : offsets) {
                int m = c + o;
                // ring cells are done, so m never leaves the array for a core c; ring seeds reach only the core
                if (m < 0 || m >= n || done[m]) {
                    continue;
                }
                done[m] = true;
                float f = Math.max(raised[m], spill);
                cells[m] = f;
                heap.push(f, m);
            }
        }
    }

    private static boolean nextToNoData(float[] cells, int pw, int i) {
        return Float.isNaN(cells[i - pw - 1]) || Float.isNaN(cells[i - pw]) || Float.isNaN(cells[i - pw + 1])
                || Float.isNaN(cells[i - 1]) || Float.isNaN(cells[i + 1])
                || Float.isNaN(cells[i + pw - 1]) || Float.isNaN(cells[i + pw]) || Float.isNaN(cells[i + pw + 1]);
    }

    /** A binary min-heap of (float key, int cell) in two arrays; ties pop the lower cell index first. */
    static final class CellHeap {
        private float[] keys;
        private int[] cells;
        private int size;

        CellHeap(int capacity) {
            keys = new float[capacity];
            cells = new int[capacity];
        }

        int size() {
            return size;
        }

        float topKey() {
            return keys[0];
        }

        void push(float key, int cell) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                cells = Arrays.copyOf(cells, 2 * size);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(key, cell, keys[parent], cells[parent])) {
                    break;
                }
                keys[i] = keys[parent];
                cells[i] = cells[parent];
                i = parent;
            }
            keys[i] = key;
            cells[i] = cell;
        }

        int pop() {
            int top = cells[0];
            float key = keys[--size];
            int cell = cells[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(keys[child + 1], cells[child + 1], keys[child], cells[child])) {
                    child++;
                }
                if (!less(keys[child], cells[child], key, cell)) {
                    break;
                }
                keys[i] = keys[child];
                cells[i] = cells[child];
                i = child;
            }
            keys[i] = key;
            cells[i] = cell;
            return top;
        }

        private static boolean less(float k1, int c1, float k2, int c2) {
            return k1 < k2 || (k1 == k2 && c1 < c2);
        }
    }
}
