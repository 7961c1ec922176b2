package org.eemt.geo.hydrology;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Multiple-flow-direction catchment area and catchment slope: Freeman (1991), "Calculating
 * catchment area with divergent flow based on a regular grid", Computers &amp; Geosciences
 * 17(3):413-422, and Quinn, Beven, Chevallier &amp; Planchon (1991), "The prediction of hillslope
 * flow paths for distributed hydrological modelling using digital terrain models", Hydrological
 * Processes 5:59-79: every cell passes its area to all its strictly lower neighbours, in
 * proportion to {@code γ^1.1}, γ the slope angle (radians) towards the neighbour (Freeman's
 * exponent 1.1; on the angle, as the SAGA Wetness Index of Böhner et al. 2002 routes). The
 * catchment slope is the area-weighted mean {@link LocalSlope} over the catchment, carried along
 * the same splits (Böhner &amp; Selige 2006).
 *
 * <p>Exact across tiles: a cell sums what it receives in a fixed order of its eight neighbours
 * (north-west to south-east), each contribution {@code area(donor) × share(donor → cell)} computed
 * by the donor's tile. Between tiles a contribution travels in its own slot (perimeter cell ×
 * direction × {area, slope·area}, {@value #SLOTS} per cell), never summed on the way, so the
 * areas are bit-identical for any tiling.
 *
 * <p>Stored: the width {@code pw} of the padded tile and, per padded cell, the share of its flow
 * going to each neighbour k (8 floats per cell).
 */
public record MultipleFlowDirection(int pw, float[] share) implements Serializable {
    /** Values exchanged per perimeter cell: 8 directions x (area, slope x area). */
    static final int SLOTS = 16;
    /** Neighbour offsets, north-west to south-east; direction 7 − k is the opposite of k. */
    private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};
    private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final double FREEMAN_EXPONENT = 1.1;

    /** Splits of every core cell of a padded {@code pw x ph} array of filled elevations (NaN = NoData). */
    static MultipleFlowDirection of(float[] filled, int pw, int ph, double[] dx, double[] dy) {
        float[] share = new float[8 * pw * ph];
        double[] weight = new double[8];
        for (int y = 1; y < ph - 1; y++) {
            double diagonal = Math.hypot(dx[y], dy[y]);
            for (int x = 1; x < pw - 1; x++) {
                int i = y * pw + x;
                double e0 = filled[i];
                if (Double.isNaN(e0)) {
                    continue;
                }
                double total = 0;
                for (int k = 0; k < 8; k++) {
                    double e = filled[i + DY[k] * pw + DX[k]];
                    double length = DY[k] == 0 ? dx[y] : DX[k] == 0 ? dy[y] : diagonal;
                    weight[k] = e < e0 ? Math.pow(Math.atan((e0 - e) / length), FREEMAN_EXPONENT) : 0;
                    total += weight[k];
                }
                for (int k = 0; total > 0 && k < 8; k++) {
                    share[8 * i + k] = (float) (weight[k] / total);
                }
            }
        }
        return new MultipleFlowDirection(pw, share);
    }

    /** Catchment area and slope of a tile's core, the slots it passes into its ring, the area leaving the DEM. */
    record Accumulation(double[] area, double[] slope, double[] outflow, double leaving) {
    }

    /**
     * Accumulates over the core of a padded {@code pw x ph} tile.
     *
     * @param order      {@link UpslopeArea#downstreamOrder} of the tile
     * @param cellArea   area (m²) of one cell per padded row
     * @param localSlope {@link LocalSlope} (radians) per padded cell
     * @param inflow     slots received by the core's perimeter cells ({@link Ring} over the core x {@value #SLOTS})
     * @return area (m²) and catchment slope (radians) per core cell (NaN at NoData), outflow slots
     *         per ring cell ({@link Ring} over the padded rectangle x {@value #SLOTS})
     */
    Accumulation accumulate(int[] order, int ph, double[] cellArea, double[] localSlope, double[] inflow) {
        int w = pw - 2;
        int h = ph - 2;
        double[] area = new double[pw * ph];
        double[] slopeArea = new double[pw * ph];
        double[] outflow = new double[Ring.size(pw, ph) * SLOTS];
        double leaving = 0;
        for (int i : order) {
            int x = i % pw;
            int y = i / pw;
            double a = cellArea[y];
            double s = localSlope[i] * a;
            int p = Ring.index(w, h, x - 1, y - 1);
            for (int k = 0; k < 8; k++) {
                int jx = x + DX[k];
                int jy = y + DY[k];
                if (Ring.index(pw, ph, jx, jy) >= 0) {
                    a += inflow[p * SLOTS + 2 * k];
                    s += inflow[p * SLOTS + 2 * k + 1];
                } else {
                    int j = jy * pw + jx;
                    double toMe = share[8 * j + 7 - k];
                    a += area[j] * toMe;
                    s += slopeArea[j] * toMe;
                }
            }
            area[i] = a;
            slopeArea[i] = s;
            boolean drains = false;
            for (int k = 0; k < 8; k++) {
                double sh = share[8 * i + k];
                drains |= sh > 0;
                int r = Ring.index(pw, ph, x + DX[k], y + DY[k]);
                if (sh > 0 && r >= 0) {
                    outflow[r * SLOTS + 2 * (7 - k)] = a * sh;
                    outflow[r * SLOTS + 2 * (7 - k) + 1] = s * sh;
                }
            }
            if (!drains) {
                leaving += a;
            }
        }
        double[] coreArea = new double[w * h];
        double[] coreSlope = new double[w * h];
        Arrays.fill(coreArea, Double.NaN);
        Arrays.fill(coreSlope, Double.NaN);
        for (int i : order) {
            int c = (i / pw - 1) * w + i % pw - 1;
            coreArea[c] = area[i];
            coreSlope[c] = slopeArea[i] / area[i];
        }
        return new Accumulation(coreArea, coreSlope, outflow, leaving);
    }
}
