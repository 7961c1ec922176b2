package org.eemt.geo.hydrology;

/**
 * D-infinity flow directions: the downslope direction of the four-neighbour gradient
 * (Zevenbergen &amp; Thorne 1987, "Quantitative analysis of land surface topography", Earth Surface
 * Processes and Landforms 12:47-56), the flow proportioned by angle between the two neighbours
 * that bracket it (Tarboton 1997, "A new method for the determination of flow directions and
 * upslope areas in grid digital elevation models", Water Resources Research 33(2):309-319).
 *
 * <p>With z_E, z_W, z_N, z_S the cardinal neighbours and Δx, Δy the cell sizes (metres),
 * <pre>
 *   G = (z_E − z_W) / 2Δx,  H = (z_N − z_S) / 2Δy,  flow direction (east, north) = (−G, −H)
 * </pre>
 * (a NoData or off-DEM cardinal neighbour is replaced by the cell itself, so that difference is
 * one-sided over one cell). The direction lies between a cardinal neighbour e1 and a diagonal
 * neighbour e2 (the facet of Tarboton's eight, counter-clockwise from east); r its angle from e1
 * and α = atan(d2/d1) the angle of e2 (d1 the distance to e1, d2 from e1 to e2), the fraction
 * r / α goes to e2 and the rest to e1, as Tarboton proportions. Only a strictly lower neighbour
 * receives, so flow always descends: when just one of e1, e2 with a positive fraction is lower,
 * it takes all of the flow; when neither is (or the gradient is zero), the flow goes to the
 * steepest lower neighbour of the eight (drop / distance, D8); a cell with no lower neighbour is
 * an outlet (its flow leaves the DEM). These choices reproduce SAGA GIS 8.5's "Deterministic
 * Infinity" measured as a black box (docs/hydrology.md). Rectangular cells (geographic DEMs) use
 * their own Δx, Δy per row; the angles are taken in metres.
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
                if (!Double.isNaN(e0)) {
                    direct(filled, i, e0, pw, dx[y], dy[y], facet, share);
                }
            }
        }
        return new DInfinity(pw, facet, share);
    }

    private static void direct(float[] z, int i, double e0, int pw, double dx, double dy, byte[] facet, float[] share) {
        double east = -difference(z[i + 1], e0, z[i - 1], dx);
        double north = -difference(z[i - pw], e0, z[i + pw], dy);
        if (east != 0 || north != 0) {
            double phi = Math.atan2(Math.abs(north), Math.abs(east));
            double alongEastWest = Math.atan2(dy, dx);
            boolean eastWest = phi <= alongEastWest;
            double toDiagonal = eastWest ? phi / alongEastWest : (Math.PI / 2 - phi) / (Math.PI / 2 - alongEastWest);
            int k = facetOf(east >= 0, north >= 0, eastWest);
            boolean cardinalReceives = toDiagonal < 1 && lower(z[i + E1_ROW[k] * pw + E1_COL[k]], e0);
            boolean diagonalReceives = toDiagonal > 0 && lower(z[i + E2_ROW[k] * pw + E2_COL[k]], e0);
            if (cardinalReceives || diagonalReceives) {
                facet[i] = (byte) k;
                share[i] = (float) (cardinalReceives ? (diagonalReceives ? toDiagonal : 0) : 1);
                return;
            }
        }
        steepestNeighbour(z, i, e0, pw, dx, dy, facet, share);
    }

    /** (a − b) / 2d, or one-sided over d from the centre c when a or b is NoData (0 when both are). */
    private static double difference(double a, double c, double b, double d) {
        boolean hasA = !Double.isNaN(a);
        boolean hasB = !Double.isNaN(b);
        return hasA && hasB ? (a - b) / (2 * d) : ((hasA ? a : c) - (hasB ? b : c)) / d;
    }

    /** Facet of a direction in the quadrant given by its signs, next to the east-west axis or the north-south one. */
    private static int facetOf(boolean eastward, boolean northward, boolean nearEastWest) {
        if (northward) {
            return eastward ? (nearEastWest ? 0 : 1) : (nearEastWest ? 3 : 2);
        }
        return eastward ? (nearEastWest ? 7 : 6) : (nearEastWest ? 4 : 5);
    }

    private static boolean lower(float neighbour, double e0) {
        return neighbour < e0;
    }

    /** D8 fallback: all of the flow to the lower neighbour of largest drop / distance (first of ties), else an outlet. */
    private static void steepestNeighbour(float[] z, int i, double e0, int pw, double dx, double dy, byte[] facet, float[] share) {
        double best = 0;
        double diagonalDistance = Math.hypot(dx, dy);
        for (int k = 0; k < 8; k++) {
            double cardinal = (e0 - z[i + E1_ROW[k] * pw + E1_COL[k]]) / (E1_ROW[k] == 0 ? dx : dy);
            double diagonal = (e0 - z[i + E2_ROW[k] * pw + E2_COL[k]]) / diagonalDistance;
            if (cardinal > best) {
                best = cardinal;
                facet[i] = (byte) k;
                share[i] = 0;
            }
            if (diagonal > best) {
                best = diagonal;
                facet[i] = (byte) k;
                share[i] = 1;
            }
        }
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
