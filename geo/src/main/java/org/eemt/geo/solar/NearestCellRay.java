package org.eemt.geo.solar;

/**
 * The terrain samples along a horizontal ray as r.sun takes them (SCIENCE.md §2, "Comparing with
 * GRASS r.sun"): from a cell centre toward a compass azimuth, in steps of one cell size (the smaller
 * side, metres), the nearest cell centre at each step (a centre met twice in a row is kept twice,
 * the observer's own cell is skipped), with the horizontal distance L from the observer to that
 * centre and the Earth-curvature drop L²/(2R) (R = {@value TerrainShadow#EARTH_RADIUS_METRES} m).
 * The offsets depend only on the azimuth and the cell size, so one ray serves every cell with the
 * same cell size.
 *
 * @param columnOffset columns east of the observer
 * @param rowOffset    rows south of the observer
 * @param distance     L (m) to the sampled centre
 * @param drop         L²/(2R) (m)
 * @param rayDistance  the distance (m) travelled along the ray at that step
 * @param nearestAfter a lower bound of L over this and every later step (m), for exact early stops
 * @param runBounds    per skip level l ({@link #RUN_SHIFTS}), for each run k of 2^RUN_SHIFTS[l] steps: the smallest
 *                     and largest column and row offsets of its centres, {@code runBounds[l][4k .. 4k+3]} = min
 *                     column, max column, min row, max row; with {@link BlockMaxima} of the same shift a march
 *                     skips a run whose cells cannot matter
 */
record NearestCellRay(int[] columnOffset, int[] rowOffset, double[] distance, double[] drop, double[] rayDistance,
                      double[] nearestAfter, int[][] runBounds) {
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

    /** The ray toward {@code azimuth} (radians) over cells {@code dx} by {@code dy} metres, up to {@code maxDistance} metres. */
    static NearestCellRay trace(double azimuth, double dx, double dy, double maxDistance) {
        double step = Math.min(dx, dy);
        int steps = (int) Math.floor(maxDistance / step);
        double columnsPerStep = step * Math.sin(azimuth) / dx;
        double rowsPerStep = -step * Math.cos(azimuth) / dy;
        double halfDiagonal = 0.5 * Math.hypot(dx, dy);
        // the observer's own centre can only be met before the ray leaves it (offsets never shrink): skip those steps
        int first = 1;
        while (first <= steps && Math.floor(first * columnsPerStep + 0.5) == 0 && Math.floor(first * rowsPerStep + 0.5) == 0) {
            first++;
        }
        int n = steps - first + 1;
        int[] dc = new int[n];
        int[] dr = new int[n];
        double[] distance = new double[n];
        double[] drop = new double[n];
        double[] rayDistance = new double[n];
        double[] after = new double[n];
        for (int k = 0; k < n; k++) {
            int i = first + k;
            int c = (int) Math.floor(i * columnsPerStep + 0.5);
            int r = (int) Math.floor(i * rowsPerStep + 0.5);
            double ex = c * dx;
            double ny = r * dy;
            double l2 = ex * ex + ny * ny;
            dc[k] = c;
            dr[k] = r;
            distance[k] = Math.sqrt(l2);
            drop[k] = l2 / (2 * TerrainShadow.EARTH_RADIUS_METRES);
            rayDistance[k] = i * step;
            // the nearest centre is within half a cell diagonal of the ray point, and ray points only move away
            after[k] = Math.max(0, i * step - halfDiagonal);
        }
        return new NearestCellRay(dc, dr, distance, drop, rayDistance, after, runBounds(dc, dr, n));
    }

    private static int[][] runBounds(int[] dc, int[] dr, int n) {
        int[][] levels = new int[RUN_SHIFTS.length][];
        for (int l = 0; l < RUN_SHIFTS.length; l++) {
            levels[l] = runBounds(dc, dr, n, 1 << RUN_SHIFTS[l]);
        }
        return levels;
    }

    private static int[] runBounds(int[] dc, int[] dr, int n, int length) {
        int runs = (n + length - 1) / length;
        int[] bounds = new int[4 * runs];
        for (int k = 0; k < runs; k++) {
            int minC = Integer.MAX_VALUE, maxC = Integer.MIN_VALUE, minR = Integer.MAX_VALUE, maxR = Integer.MIN_VALUE;
            for (int i = k * length; i < Math.min(n, (k + 1) * length); i++) {
                minC = Math.min(minC, dc[i]);
                maxC = Math.max(maxC, dc[i]);
                minR = Math.min(minR, dr[i]);
                maxR = Math.max(maxR, dr[i]);
            }
            bounds[4 * k] = minC;
            bounds[4 * k + 1] = maxC;
            bounds[4 * k + 2] = minR;
            bounds[4 * k + 3] = maxR;
        }
        return bounds;
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

    /** The index offset of each step's centre in a row-major raster {@code width} cells wide. */
    int[] windowOffsets(int width) {
        int[] offsets = new int[columnOffset.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = rowOffset[i] * width + columnOffset[i];
        }
        return offsets;
    }

    /** Steps needed to cross a DEM of {@code columns x rows} cells of {@code dx x dy} metres, capped by the search distance. */
    static double reach(double maxDistance, int columns, int rows, double dx, double dy) {
        return Math.min(maxDistance, Math.hypot(columns * dx, rows * dy) + Math.min(dx, dy));
    }
}
