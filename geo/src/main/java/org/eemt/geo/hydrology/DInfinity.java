package org.eemt.geo.hydrology;

/**
 * D-infinity flow directions: Tarboton (1997), "A new method for the determination of flow
 * directions and upslope areas in grid digital elevation models", Water Resources Research
 * 33(2):309-319.
 *
 * <p>Around each cell, eight triangular facets are each formed by the cell (e0), one of its four
 * cardinal neighbours (e1) and an adjacent diagonal neighbour (e2). On a facet, with d1 the
 * distance from e0 to e1 and d2 from e1 to e2 (metres),
 * <pre>
 *   s1 = (e0 − e1)/d1,  s2 = (e1 − e2)/d2,  r = atan2(s2, s1),  s = √(s1² + s2²)
 *   r &lt; 0:          r = 0,  s = s1
 *   r &gt; atan(d2/d1): r = atan(d2/d1),  s = (e0 − e2)/√(d1² + d2²)
 * </pre>
 * The facet with the largest downslope s &gt; 0 gives the flow angle; the flow is split between e1
 * and e2 in proportion to angular closeness: the fraction r / atan(d2/d1) goes to the diagonal
 * e2, the rest to e1. Both receive only when strictly lower than the cell, so flow always descends.
 * Facets with a NoData corner are skipped; a cell with no downslope facet is an outlet (its flow
 * leaves the DEM). Ties between facets keep the first in Tarboton's order (east, counter-clockwise).
 * Rectangular cells (geographic DEMs) use their own d1, d2 per facet.
 *
 * <p>Stored per cell of a padded {@code pw}-wide array: the facet (0-7, -1 for outlets and
 * NoData) and the fraction of the flow that goes to the facet's diagonal cell.
 */
public record DInfinity(int pw, byte[] facet, float[] diagonalShare) implements java.io.Serializable {
    /** Row and column offsets of e1 and e2 for the eight facets, Tarboton's order (counter-clockwise from east). */
    private static final int[] E1_ROW = {0, -1, -1, 0, 0, 1, 1, 0};
    private static final int[] E1_COL = {1, 0, 0, -1, -1, 0, 0, 1};
    private static final int[] E2_ROW = {-1, -1, -1, -1, 1, 1, 1, 1};
    private static final int[] E2_COL = {1, 1, -1, -1, -1, -1, 1, 1};

    /**
     * Flow directions of every core cell of a padded {@code pw x ph} array of filled elevations
     * (NaN = NoData, the ring holds the neighbours' values).
     *
     * @param dx east-west cell size (m) per padded row
     * @param dy north-south cell size (m) per padded row
     */
    public static DInfinity of(float[] filled, int pw, int ph, double[] dx, double[] dy) {
        byte[] facet = new byte[pw * ph];
        float[] share = new float[pw * ph];
        java.util.Arrays.fill(facet, (byte) -1);
        for (int y = 1; y < ph - 1; y++) {
            for (int x = 1; x < pw - 1; x++) {
                int i = y * pw + x;
                double e0 = filled[i];
                if (Double.isNaN(e0)) {
                    continue;
                }
                double best = 0;
                for (int k = 0; k < 8; k++) {
                    double e1 = filled[i + E1_ROW[k] * pw + E1_COL[k]];
                    double e2 = filled[i + E2_ROW[k] * pw + E2_COL[k]];
                    if (Double.isNaN(e1) || Double.isNaN(e2)) {
                        continue;
                    }
                    boolean eastWest = E1_ROW[k] == 0;
                    double d1 = eastWest ? dx[y] : dy[y];
                    double d2 = eastWest ? dy[y] : dx[y];
                    double alpha = Math.atan2(d2, d1);
                    double s1 = (e0 - e1) / d1;
                    double s2 = (e1 - e2) / d2;
                    double r = Math.atan2(s2, s1);
                    double s;
                    if (r < 0) {
                        r = 0;
                        s = s1;
                    } else if (r > alpha) {
                        r = alpha;
                        s = (e0 - e2) / Math.hypot(d1, d2);
                    } else {
                        s = Math.hypot(s1, s2);
                    }
                    if (s > best) {
                        best = s;
                        facet[i] = (byte) k;
                        share[i] = (float) (r / alpha);
                    }
                }
            }
        }
        return new DInfinity(pw, facet, share);
    }

    /** Whether padded cell {@code i} sends its flow to neighbours (false: an outlet or NoData). */
    public boolean drains(int i) {
        return facet[i] >= 0;
    }

    /** Padded index of the cardinal receiver e1 of cell {@code i}. */
    public int cardinal(int i) {
        int k = facet[i];
        return i + E1_ROW[k] * pw + E1_COL[k];
    }

    /** Padded index of the diagonal receiver e2 of cell {@code i}. */
    public int diagonal(int i) {
        int k = facet[i];
        return i + E2_ROW[k] * pw + E2_COL[k];
    }

    /** Fraction of the flow of cell {@code i} that goes to the diagonal receiver, in [0, 1]. */
    public double diagonalShareOf(int i) {
        return diagonalShare[i];
    }

    /**
     * Flow angle of cell {@code i} in radians counter-clockwise from east (Tarboton's convention),
     * NaN for an outlet, computed from the facet and the split (exact for square cells).
     */
    public double angle(int i) {
        int k = facet[i];
        if (k < 0) {
            return Double.NaN;
        }
        double r = diagonalShare[i] * Math.PI / 4;
        int base = (k + 1) / 2;
        return base * Math.PI / 2 + (k % 2 == 0 ? r : -r);
    }
}
