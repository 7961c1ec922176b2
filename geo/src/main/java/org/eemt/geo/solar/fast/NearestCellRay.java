package org.eemt.geo.solar.fast;

/**
 * The terrain samples along a horizontal ray as r.sun takes them (SCIENCE.md §2, "Comparing with
 * GRASS r.sun"): from a cell centre toward a compass azimuth, in steps of one cell size (the smaller
 * side, metres), the nearest cell centre at each step (a centre met twice in a row is kept twice,
 * the observer's own cell is skipped), with the horizontal distance L from the observer to that
 * centre and the Earth-curvature drop L²/(2R) (R = {@value TerrainShadow#EARTH_RADIUS_METRES} m).
 * The offsets depend only on the azimuth and the cell size, so one ray serves every cell with the
 * same cell size; {@link #retrace} points a ray at another cell size in place (a geographic DEM's cells
 * change width with every row), without allocating: fresh memory costs page faults, which dominated a
 * tile's first rows (measured).
 *
 * <p>Per step i &lt; {@link #steps()} (the arrays may be longer): {@link #columnOffset()} columns east of the
 * observer, {@link #rowOffset()} rows south of it, {@link #distance()} L (m) to the sampled centre,
 * {@link #drop()} L²/(2R) (m), {@link #rayDistance()} the distance (m) travelled along the ray, and
 * {@link #nearestAfter()} a lower bound of L over this and every later step (m), for exact early stops. Per
 * skip level l ({@link #RUN_SHIFTS}) and run k of 2^RUN_SHIFTS[l] steps, the smallest and largest column and row
 * offsets of its centres ({@link #runMaximum}, {@link #runInside}): with {@link BlockMaxima} of the same shift a
 * march skips a run whose cells cannot matter.
 */
final class NearestCellRay {
    /** log2 of the steps of the runs the ray mode skips. */
    static final int RUN_SHIFT = 5;
    /** Steps per run of {@link #RUN_SHIFT}. */
    static final int RUN = 1 << RUN_SHIFT;
    /**
     * The skip levels of the horizon march, coarse to fine: runs of 256 and {@value #RUN} steps, bounded by
     * blocks of as many cells a side (a third level of 8 steps was measured slower).
     */
    static final int[] RUN_SHIFTS = {8, RUN_SHIFT};
    /** The level of {@link #RUN_SHIFTS} with runs of {@value #RUN} steps. */
    static final int RUN_LEVEL = 1;

    private int steps;
    private int[] columnOffset = new int[0];
    private int[] rowOffset = new int[0];
    private double[] distance = new double[0];
    private double[] drop = new double[0];
    private double[] rayDistance = new double[0];
    private double[] nearestAfter = new double[0];
    /** {@code runBounds[l][4k .. 4k+3]} = min column, max column, min row, max row of run k of level l. */
    private final int[][] runBounds = new int[RUN_SHIFTS.length][0];

    private NearestCellRay() {
    }

    /** The ray toward {@code azimuth} (radians) over cells {@code dx} by {@code dy} metres, up to {@code maxDistance} metres. */
    static NearestCellRay trace(double azimuth, double dx, double dy, double maxDistance) {
        NearestCellRay ray = new NearestCellRay();
        ray.retrace(azimuth, dx, dy, maxDistance);
        return ray;
    }

    /** Makes this the ray of {@link #trace}{@code (azimuth, dx, dy, maxDistance)}, reusing its arrays where they are long enough. */
    void retrace(double azimuth, double dx, double dy, double maxDistance) {
        double step = Math.min(dx, dy);
        int total = (int) Math.floor(maxDistance / step);
        double columnsPerStep = step * Math.sin(azimuth) / dx;
        double rowsPerStep = -step * Math.cos(azimuth) / dy;
        double halfDiagonal = 0.5 * Math.hypot(dx, dy);
        // the observer's own centre can only be met before the ray leaves it (offsets never shrink): skip those steps
        int first = 1;
        while (first <= total && Math.floor(first * columnsPerStep + 0.5) == 0 && Math.floor(first * rowsPerStep + 0.5) == 0) {
            first++;
        }
        steps = total - first + 1;
        if (columnOffset.length < steps) {
            columnOffset = new int[steps];
            rowOffset = new int[steps];
            distance = new double[steps];
            drop = new double[steps];
            rayDistance = new double[steps];
            nearestAfter = new double[steps];
        }
        for (int k = 0; k < steps; k++) {
            int i = first + k;
            int c = (int) Math.floor(i * columnsPerStep + 0.5);
            int r = (int) Math.floor(i * rowsPerStep + 0.5);
            double ex = c * dx;
            double ny = r * dy;
            double l2 = ex * ex + ny * ny;
            columnOffset[k] = c;
            rowOffset[k] = r;
            distance[k] = Math.sqrt(l2);
            drop[k] = l2 / (2 * TerrainShadow.EARTH_RADIUS_METRES);
            rayDistance[k] = i * step;
            // the nearest centre is within half a cell diagonal of the ray point, and ray points only move away
            nearestAfter[k] = Math.max(0, i * step - halfDiagonal);
        }
        for (int l = 0; l < RUN_SHIFTS.length; l++) {
            boundRuns(l, 1 << RUN_SHIFTS[l]);
        }
    }

    private void boundRuns(int level, int length) {
        int runs = (steps + length - 1) / length;
        if (runBounds[level].length < 4 * runs) {
            runBounds[level] = new int[4 * runs];
        }
        int[] bounds = runBounds[level];
        for (int k = 0; k < runs; k++) {
            int minC = Integer.MAX_VALUE, maxC = Integer.MIN_VALUE, minR = Integer.MAX_VALUE, maxR = Integer.MIN_VALUE;
            for (int i = k * length; i < Math.min(steps, (k + 1) * length); i++) {
                minC = Math.min(minC, columnOffset[i]);
                maxC = Math.max(maxC, columnOffset[i]);
                minR = Math.min(minR, rowOffset[i]);
                maxR = Math.max(maxR, rowOffset[i]);
            }
            bounds[4 * k] = minC;
            bounds[4 * k + 1] = maxC;
            bounds[4 * k + 2] = minR;
            bounds[4 * k + 3] = maxR;
        }
    }

    /** The steps of the ray (its arrays may be longer). */
    int steps() {
        return steps;
    }

    int[] columnOffset() {
        return columnOffset;
    }

    int[] rowOffset() {
        return rowOffset;
    }

    double[] distance() {
        return distance;
    }

    double[] drop() {
        return drop;
    }

    double[] rayDistance() {
        return rayDistance;
    }

    double[] nearestAfter() {
        return nearestAfter;
    }

    /**
     * The highest elevation of the DEM cells of run {@code k} seen from ({@code column}, {@code row}), or
     * +∞ when it has a cell without data; cells outside the DEM are left out, and a run wholly outside
     * gives −∞.
     *
     * @param level the skip level of the run ({@link #RUN_SHIFTS}); {@code blocks} must have its shift
     */
    float runMaximum(int level, int k, int column, int row, int lastColumn, int lastRow, BlockMaxima blocks) {
        int[] bounds = runBounds[level];
        int c0 = Math.max(0, column + bounds[4 * k]);
        int c1 = Math.min(lastColumn, column + bounds[4 * k + 1]);
        int r0 = Math.max(0, row + bounds[4 * k + 2]);
        int r1 = Math.min(lastRow, row + bounds[4 * k + 3]);
        if (c0 > c1 || r0 > r1) {
            return Float.NEGATIVE_INFINITY;
        }
        return blocks.max(c0, c1, r0, r1);
    }

    /** Whether every centre of run {@code k} of skip level {@code level} seen from ({@code column}, {@code row}) lies in columns 0..{@code maxColumn} and rows 0..{@code maxRow}. */
    boolean runInside(int level, int k, int column, int row, int maxColumn, int maxRow) {
        int[] bounds = runBounds[level];
        return column + bounds[4 * k] >= 0 && column + bounds[4 * k + 1] <= maxColumn
                && row + bounds[4 * k + 2] >= 0 && row + bounds[4 * k + 3] <= maxRow;
    }

    /**
     * The index offset of each step's centre in a row-major raster {@code width} cells wide, written to {@code reuse}
     * when it is long enough, else to a new array (returned).
     */
    int[] windowOffsets(int width, int[] reuse) {
        int[] offsets = reuse != null && reuse.length >= steps ? reuse : new int[steps];
        for (int i = 0; i < steps; i++) {
            offsets[i] = rowOffset[i] * width + columnOffset[i];
        }
        return offsets;
    }

    /** Steps needed to cross a DEM of {@code columns x rows} cells of {@code dx x dy} metres, capped by the search distance. */
    static double reach(double maxDistance, int columns, int rows, double dx, double dy) {
        return Math.min(maxDistance, Math.hypot(columns * dx, rows * dy) + Math.min(dx, dy));
    }
}
