package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.SolarTile;

/**
 * The far part of a projected DEM's horizons, by sweeps along lines of cells, after Dozier, J., Bruno, J. &amp;
 * Downey, P. (1981), "A faster solution to the horizon problem", Computers &amp; Geosciences 7(2):145–151: the
 * horizon of a point toward the points ahead of it on a line is the tangent from it to the upper convex hull of those
 * points, so walking the line from its far end back, each point's horizon costs a search on a hull instead of a march.
 *
 * <p>Lines (per azimuth A, compass, clockwise from north; cells dx by dy metres, constant over the DEM): when the
 * azimuth crosses at least as many columns as rows per metre, the line through DEM cell (c, r) is
 * {(c', ℓ + round(c'·t))} with ℓ = r − round(c·t) and t the rows per column along A; otherwise the same with the
 * roles of columns and rows exchanged. Lines are anchored on the DEM's grid, not on a tile, so a cell's line and its
 * points do not depend on the tiling. A point's position x along the line is the projection of its centre on the
 * direction of A: x = c·dx·sin A − r·dy·cos A (m, east = +c, south = +r).
 *
 * <p>Tangent with the Earth's curvature: from an observer (x0, z0) to a point (xj, zj), with d = xj − x0 &gt; 0,
 * (zj − z0 − d²/(2R))/d. With z' = z − x²/(2R) it equals (z'j − z'0)/d + x0/R: for one observer the point of
 * largest tangent is the point of largest slope in (x, z'), a tangent to the upper hull of the points (x, z').
 * The tangent is then computed from that point by the first formula, so that its value does not depend on how the
 * hull was built.
 *
 * <p>Window: the points ahead of the observer with d in (near, reach] (the nearer terrain is the cell's own ray, in
 * {@link HorizonShadow}), ending before the first point ahead without data; points in the DEM's last row or column
 * never shade; the line ends at the edge of the tile's window, which holds every point within reach of a core cell
 * ({@link SolarTile#haloCells}: a point d ≤ reach ahead lies at most reach/dx columns and reach/dy + 1 rows away).
 * As the observer walks back both ends of the window [lo, hi] move back; the window is kept as a queue of two upper
 * hulls: a front hull over [lo, b) that grows at its near end, and a back hull over [b, hi] built forward whose
 * additions are undone one at a time as hi moves back (each addition overwrites one hull slot: it keeps the slot's
 * old point). A window that keeps nothing of the previous one (the first) is built forward as the back hull (b = lo);
 * when the back hull is empty the front one is rebuilt as the back one (b = lo), so each point enters each hull at
 * most once (with a reach longer than the core, most points enter one hull only). A query is a binary search on each
 * hull: the slope from a point left of an upper hull to its vertices rises then falls.
 */
final class HorizonSweep {
    /** Ray steps of a cell's own march before the sweep takes over (docs/performance.md). */
    static final int NEAR_STEPS = 32;
    private static final double TWO_R = 2 * TerrainShadow.EARTH_RADIUS_METRES;

    private final float[] elevation;
    private final int windowX0;
    private final int windowY0;
    private final int windowX1;
    private final int windowY1;
    private final int windowWidth;
    private final int coreX0;
    private final int coreY0;
    private final int coreX1;
    private final int coreY1;
    private final int coreWidth;
    private final int lastColumn;
    private final int lastRow;
    private final double dx;
    private final double dy;
    private final double near;
    private final double reach;

    // the current azimuth's lines
    private boolean alongColumns;
    private double otherPerStep;
    private int ahead;
    private double xPerColumn;
    private double xPerRow;

    // the current line's points, in the order of x (ahead)
    private final double[] x;
    private final double[] curved;
    private final float[] z;
    private final boolean[] shades;
    private final boolean[] noData;
    private final int[] coreCell;
    // the window's hulls: point indices; front[0] is the rightmost, back[0] the leftmost
    private final int[] front;
    private final int[] back;
    private final int[] undoSlot;
    private final int[] undoPoint;
    private final int[] undoSize;
    private int frontSize;
    private int backSize;

    /**
     * A sweep over {@code tile}, whose cells are {@code dx} by {@code dy} metres, for the terrain more than
     * {@code near} and at most {@code reach} metres ahead.
     */
    HorizonSweep(SolarTile tile, double dx, double dy, double near, double reach) {
        elevation = tile.elevation();
        windowX0 = tile.window().x0();
        windowY0 = tile.window().y0();
        windowWidth = tile.window().width();
        windowX1 = windowX0 + windowWidth - 1;
        windowY1 = windowY0 + tile.window().height() - 1;
        coreX0 = tile.core().x0();
        coreY0 = tile.core().y0();
        coreWidth = tile.core().width();
        coreX1 = coreX0 + coreWidth - 1;
        coreY1 = coreY0 + tile.core().height() - 1;
        lastColumn = tile.dem().columns() - 1;
        lastRow = tile.dem().rows() - 1;
        this.dx = dx;
        this.dy = dy;
        this.near = near;
        this.reach = reach;
        int points = Math.max(windowWidth, tile.window().height());
        x = new double[points];
        curved = new double[points];
        z = new float[points];
        shades = new boolean[points];
        noData = new boolean[points];
        coreCell = new int[points];
        front = new int[points];
        back = new int[points];
        undoSlot = new int[points];
        undoPoint = new int[points];
        undoSize = new int[points];
    }

    /** Points the lines at compass {@code azimuth} (radians). */
    void azimuth(double azimuth) {
        double sin = Math.sin(azimuth);
        double cos = Math.cos(azimuth);
        double columnsPerMetre = sin / dx;
        double rowsPerMetre = -cos / dy;
        alongColumns = Math.abs(columnsPerMetre) >= Math.abs(rowsPerMetre);
        otherPerStep = alongColumns ? rowsPerMetre / columnsPerMetre : columnsPerMetre / rowsPerMetre;
        ahead = (alongColumns ? columnsPerMetre : rowsPerMetre) > 0 ? 1 : -1;
        xPerColumn = dx * sin;
        xPerRow = -dy * cos;
    }

    private static int round(double v) {
        return (int) Math.floor(v + 0.5);
    }

    /** The first line (ℓ) of the current azimuth through the tile's core. */
    int firstLine() {
        return alongColumns ? coreY0 - Math.max(round(coreX0 * otherPerStep), round(coreX1 * otherPerStep))
                : coreX0 - Math.max(round(coreY0 * otherPerStep), round(coreY1 * otherPerStep));
    }

    /** The last line (ℓ) of the current azimuth through the tile's core. */
    int lastLine() {
        return alongColumns ? coreY1 - Math.min(round(coreX0 * otherPerStep), round(coreX1 * otherPerStep))
                : coreX1 - Math.min(round(coreY0 * otherPerStep), round(coreY1 * otherPerStep));
    }

    /**
     * The far tangents (max(0, largest tangent over the window), see the class comment) of the core cells with data
     * on {@code line} of the current azimuth: their core cell indices into {@code cells} and tangents into
     * {@code tangents}, in no particular order.
     *
     * @return how many cells were written
     */
    int farTangents(int line, int[] cells, double[] tangents) {
        // the core's cells on the line: parameters s (columns, or rows) from the rearmost to the foremost
        int sLow = alongColumns ? coreX0 : coreY0;
        int sHigh = alongColumns ? coreX1 : coreY1;
        int otherLow = alongColumns ? coreY0 : coreX0;
        int otherHigh = alongColumns ? coreY1 : coreX1;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int s = sLow; s <= sHigh; s++) {
            int other = line + round(s * otherPerStep);
            if (other >= otherLow && other <= otherHigh) {
                first = Math.min(first, s);
                last = Math.max(last, s);
            }
        }
        if (first > last) {
            return 0;
        }
        int rear = ahead > 0 ? first : last;
        int foremost = ahead > 0 ? last : first;
        double xForemost = Double.NaN;
        int n = 0;
        for (int s = rear; ; s += ahead) {
            int other = line + round(s * otherPerStep);
            int column = alongColumns ? s : other;
            int row = alongColumns ? other : s;
            if (column < windowX0 || column > windowX1 || row < windowY0 || row > windowY1) {
                break;
            }
            double xs = column * xPerColumn + row * xPerRow;
            if (s == foremost) {
                xForemost = xs;
            } else if (xs - xForemost > reach) {
                break;
            }
            float zs = elevation[(row - windowY0) * windowWidth + (column - windowX0)];
            x[n] = xs;
            z[n] = zs;
            curved[n] = zs - xs * xs / TWO_R;
            noData[n] = Float.isNaN(zs);
            shades[n] = !noData[n] && column != lastColumn && row != lastRow;
            coreCell[n] = column >= coreX0 && column <= coreX1 && row >= coreY0 && row <= coreY1
                    ? (row - coreY0) * coreWidth + (column - coreX0) : -1;
            n++;
        }
        return sweep(n, (foremost - rear) * ahead, cells, tangents);
    }

    /** Walks the line's n points back from the foremost core cell, {@code top}, answering each core cell with data. */
    private int sweep(int n, int top, int[] cells, double[] tangents) {
        int found = 0;
        int lo = n;          // the window is [lo, hi]: empty at first
        int hi = n - 1;
        int boundary = n;    // front hull over [lo, boundary), back hull over [boundary, hi]
        int withinReach = n - 1;
        int firstWithoutData = top + 1;
        while (firstWithoutData < n && !noData[firstWithoutData]) {
            firstWithoutData++;
        }
        for (int j = top; j >= 0; j--) {
            if (j + 1 < n && noData[j + 1]) {
                firstWithoutData = j + 1;
            }
            while (x[withinReach] - x[j] > reach) {
                withinReach--;
            }
            int newHi = Math.min(withinReach, firstWithoutData - 1);
            int newLo = lo;
            while (newLo - 1 > j && x[newLo - 1] - x[j] > near) {
                newLo--;
            }
            if (newHi < lo || lo > hi) {
                // nothing of the window stays: the new one, built forward as the back hull
                lo = newLo;
                hi = newHi;
                frontSize = 0;
                backSize = 0;
                for (int p = lo; p <= hi; p++) {
                    pushBack(p);
                }
                boundary = lo;
            } else {
                // the far end moves back: undo the back hull's additions, rebuilding the front hull as the back one
                // when the back one is empty
                while (hi > newHi) {
                    if (hi < boundary) {
                        backSize = 0;
                        for (int p = lo; p <= hi; p++) {
                            pushBack(p);
                        }
                        frontSize = 0;
                        boundary = lo;
                    }
                    undoBack(hi);
                    hi--;
                }
                // the near end moves back
                while (lo > newLo) {
                    pushFront(--lo);
                }
            }
            if (coreCell[j] >= 0 && !noData[j]) {
                double best = 0;
                if (frontSize > 0) {
                    best = Math.max(best, tangent(j, frontTangentPoint(j)));
                }
                if (backSize > 0) {
                    best = Math.max(best, tangent(j, backTangentPoint(j)));
                }
                cells[found] = coreCell[j];
                tangents[found] = best;
                found++;
            }
        }
        return found;
    }

    /** (z_p − z_o − d²/(2R))/d, d = x_p − x_o: the tangent from point o to point p, with the Earth's curvature. */
    private double tangent(int o, int p) {
        double d = x[p] - x[o];
        return (z[p] - z[o] - d * d / TWO_R) / d;
    }

    /** Whether b lies strictly above the chord from a to c (x_a &lt; x_b &lt; x_c), in (x, z'). */
    private boolean above(int a, int b, int c) {
        return (curved[b] - curved[a]) * (x[c] - x[a]) > (curved[c] - curved[a]) * (x[b] - x[a]);
    }

    /** Whether, seen from o (left of a and b, x_a &lt; x_b), b has the larger slope in (x, z'). */
    private boolean rises(int o, int a, int b) {
        return (curved[b] - curved[o]) * (x[a] - x[o]) > (curved[a] - curved[o]) * (x[b] - x[o]);
    }

    /** Adds point p left of the front hull's points. */
    private void pushFront(int p) {
        if (!shades[p]) {
            return;
        }
        while (frontSize >= 2 && !above(p, front[frontSize - 1], front[frontSize - 2])) {
            frontSize--;
        }
        front[frontSize++] = p;
    }

    /** Adds point p right of the back hull's points, keeping what {@link #undoBack} needs. */
    private void pushBack(int p) {
        if (!shades[p]) {
            undoSize[p] = -1;
            return;
        }
        int m = backSize;
        while (m >= 2 && !above(back[m - 2], back[m - 1], p)) {
            m--;
        }
        undoSlot[p] = m;
        undoPoint[p] = back[m];
        undoSize[p] = backSize;
        back[m] = p;
        backSize = m + 1;
    }

    /** Undoes {@link #pushBack}(p), the last addition not undone yet. */
    private void undoBack(int p) {
        if (undoSize[p] < 0) {
            return;
        }
        back[undoSlot[p]] = undoPoint[p];
        backSize = undoSize[p];
    }

    private int frontTangentPoint(int o) {
        // vertices in the order of x: front[frontSize - 1 - m]
        int low = 0;
        int high = frontSize - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rises(o, front[frontSize - 1 - mid], front[frontSize - 2 - mid])) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return front[frontSize - 1 - low];
    }

    private int backTangentPoint(int o) {
        int low = 0;
        int high = backSize - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rises(o, back[mid], back[mid + 1])) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return back[low];
    }
}
