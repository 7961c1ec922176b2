package org.eemt.geo.hydrology;

import java.util.Arrays;

/**
 * Upslope area over D-infinity flow directions (Tarboton 1997, Section 3): every cell contributes
 * its own area, and passes its accumulated area to its one or two receivers in the proportions of
 * {@link DInfinity}. Cells are processed from the highest filled elevation down (flow always
 * descends, so each cell is complete when its turn comes): O(n log n) for the sort, no recursion.
 *
 * <p>Over a tile, the flow that enters from neighbouring tiles is given per perimeter cell, and
 * the flow that leaves into the ring around the tile is returned per ring cell: the tile's part
 * of the tiled accumulation of Barnes (2017), "Parallel non-divergent flow accumulation for
 * trillion cell digital elevation models on desktops or clusters", Environmental Modelling &amp;
 * Software 92:202-212, here with D-infinity's divergent splits. Areas in m², as doubles.
 */
public final class UpslopeArea {
    /** Upslope area of every core cell (m², NaN at NoData), row-major over the core. */
    private final double[] area;
    /** Area passed into each ring cell around the tile (m²), indexed by {@link Ring} over the padded rectangle. */
    private final double[] outflow;
    /** Area leaving the DEM at this tile's outlets (m²). */
    private final double leaving;

    private UpslopeArea(double[] area, double[] outflow, double leaving) {
        this.area = area;
        this.outflow = outflow;
        this.leaving = leaving;
    }

    /**
     * The valid core cells of a padded {@code pw x ph} tile from the highest filled elevation to the
     * lowest (padded indices): an order in which every cell comes after all cells that drain into it.
     */
    public static int[] downstreamOrder(float[] filled, int pw, int ph) {
        long[] keys = new long[(pw - 2) * (ph - 2)];
        int count = 0;
        for (int y = 1; y < ph - 1; y++) {
            for (int x = 1; x < pw - 1; x++) {
                int i = y * pw + x;
                float f = filled[i];
                if (!Float.isNaN(f)) {
                    int bits = Float.floatToIntBits(f);
                    int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
                    // descending elevation: sort the complement ascending
                    keys[count++] = ((long) ~sortable << 32) | i;
                }
            }
        }
        Arrays.sort(keys, 0, count);
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    /**
     * Accumulates over the core of a padded {@code pw x ph} tile.
     *
     * @param order     {@link #downstreamOrder} of the tile
     * @param flow      D-infinity directions of the padded tile
     * @param cellArea  area (m²) of one cell per padded row
     * @param inflow    area (m²) entering each core perimeter cell from other tiles, indexed by
     *                  {@link Ring} over the core ({@code (pw-2) x (ph-2)})
     */
    public static UpslopeArea accumulate(int[] order, int pw, int ph, DInfinity flow, double[] cellArea, double[] inflow) {
        int w = pw - 2;
        int h = ph - 2;
        double[] acc = new double[pw * ph];
        for (int i : order) {
            int x = i % pw - 1;
            int y = i / pw - 1;
            acc[i] = cellArea[y + 1];
            int p = Ring.index(w, h, x, y);
            if (p >= 0) {
                acc[i] += inflow[p];
            }
        }
        double[] outflow = new double[Ring.size(pw, ph)];
        double leaving = 0;
        for (int i : order) {
            double a = acc[i];
            if (!flow.drains(i)) {
                leaving += a;
                continue;
            }
            double toDiagonal = flow.diagonalShareOf(i);
            pass(flow.cardinal(i), a * (1 - toDiagonal), acc, outflow, pw, ph);
            pass(flow.diagonal(i), a * toDiagonal, acc, outflow, pw, ph);
        }
        double[] area = new double[w * h];
        Arrays.fill(area, Double.NaN);
        for (int i : order) {
            area[(i / pw - 1) * w + i % pw - 1] = acc[i];
        }
        return new UpslopeArea(area, outflow, leaving);
    }

    private static void pass(int to, double amount, double[] acc, double[] outflow, int pw, int ph) {
        if (amount == 0) {
            return;
        }
        int x = to % pw;
        int y = to / pw;
        int ring = Ring.index(pw, ph, x, y);
        if (ring >= 0) {
            outflow[ring] += amount;
        } else {
            acc[to] += amount;
        }
    }

    /** Upslope area (m²) of every core cell, row-major, NaN at NoData. */
    public double[] area() {
        return area;
    }

    /** Area (m²) passed into each ring cell around the tile, {@link Ring} order over the padded rectangle. */
    public double[] outflow() {
        return outflow;
    }

    /** Area (m²) that leaves the DEM through this tile's outlets. */
    public double leaving() {
        return leaving;
    }
}
