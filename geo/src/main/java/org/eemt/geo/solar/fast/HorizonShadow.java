package org.eemt.geo.solar.fast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.eemt.geo.SpreadOrder;
import org.eemt.geo.Workers;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * Terrain horizons precomputed once per tile ({@link Shading#HORIZON}): for each core cell and each
 * of N azimuths 2πk/N (compass, clockwise from north), the horizon angle
 * max(0, max over samples of atan((z_p − z0 − L²/(2R))/L)), with the terrain sampled as r.sun's ray
 * samples it ({@link NearestCellRay}: nearest cell centre at every cell-size step, its distance L)
 * up to the horizon search distance or the edge of the DEM (SCIENCE.md §2, "Shadowing"). The march
 * ends at a centre without data, and the DEM's last row and column never shade, as in the ray mode. At a sample time
 * the angle is interpolated linearly between the two neighbouring azimuths (as r.horizon + r.sun
 * horizon maps do) and the cell is shadowed when it exceeds the sun's true altitude.
 *
 * <p>On a projected DEM (constant cell size) the march stops after {@value HorizonSweep#NEAR_STEPS} steps and the
 * terrain beyond comes from {@link HorizonSweep} (lines of cells anchored on the DEM's grid, so that the result does
 * not depend on the tile either); where the march ended early (a centre without data, the DEM's edge) the sweep's
 * part is left out. The angle is atan(max(0, near tangent, far tangent)).
 *
 * <p>The march skips runs of steps whose cells ({@link BlockMaxima}: runs of 256 and 32 steps against
 * blocks of as many cells a side, coarse to fine) could not raise the horizon, and stops once even the DEM's highest
 * elevation at the smallest distance still ahead could not: all exact, so the result does not depend
 * on the tile. Azimuths the sun never takes at the DEM's latitudes ({@link SunAzimuths}: poleward of the tropics,
 * those near the pole) are not marched, as no shadow test reads them.
 *
 * <p>Terrain sampling chosen by measurement (docs/performance.md): bilinear sampling along the exact
 * azimuth converges to the continuous surface but sees systematically lower horizons than r.sun's
 * nearest-cell ray (on the sample DEM, +0.85 % irradiation on day 80 and +3.4 % on day 355 against
 * r.sun's instantaneous sums), while nearest-cell sampling leaves only the azimuth interpolation
 * as a difference.
 */
final class HorizonShadow implements TerrainShadow {
    private static final int SECTORS = SunDirection.SECTORS;
    /** Radians covering the rounding of an interpolated angle (a few 1e-16) in {@link #interpolatedVerdict}'s bounds. */
    private static final double INTERPOLATION_MARGIN = 1e-12;
    private final int azimuths;
    private final int cells;
    private final double azimuthsPerRadian;
    /**
     * Horizon angles (radians, ≥ 0), {@code [coreCell * azimuths + k]}: cell-major, so that a cell's day, whose shadow
     * tests read its angles toward every azimuth the sun passes, reads a few neighbouring cache lines (faster than
     * azimuth-major, where every azimuth is a stream of its own: docs/performance.md).
     */
    private final float[] angles;
    /** Per core cell, sin of its highest horizon angle over the azimuths computed (NaN without data). */
    private final double[] sinHighest;
    /**
     * Per core cell and compass sector o of {@link SunDirection#sector()} (azimuths [o·2π/SECTORS, (o+1)·2π/SECTORS)),
     * the sines of the highest and the lowest horizon angle of the azimuths an interpolation in that sector can use
     * (one more on each side), rounded up and down to floats: {@code [2·(cell·SECTORS + o)]} and the next (cell-major,
     * like {@link #angles}). Only for a projected DEM, whose cells' directions are {@link SunDirection.OnDemand}: on a
     * geographic DEM all but the last cell of a row test {@link SunDirection.Resolved} directions, which do not read
     * them, and the last one takes the interpolated angle directly (null).
     */
    private final float[] sectorBounds;

    private HorizonShadow(int azimuths, float[] angles, boolean withSectorBounds) {
        this.azimuths = azimuths;
        this.azimuthsPerRadian = azimuths / (2 * Math.PI);
        this.angles = angles;
        cells = angles.length / azimuths;
        sinHighest = new double[cells];
        sectorBounds = withSectorBounds ? new float[2 * cells * SECTORS] : null;
        for (int cell = 0; cell < cells; cell++) {
            float highest = 0;
            for (int k = 0; k < azimuths; k++) {
                highest = Math.max(highest, angles[cell * azimuths + k]);
            }
            sinHighest[cell] = Math.sin(highest);
            for (int o = 0; withSectorBounds && o < SECTORS; o++) {
                float highestInSector = 0;
                float lowest = Float.POSITIVE_INFINITY;
                for (int k = Math.floorDiv(o * azimuths, SECTORS) - 1; k <= Math.floorDiv((o + 1) * azimuths + SECTORS - 1, SECTORS) + 1; k++) {
                    float angle = angles[cell * azimuths + Math.floorMod(k, azimuths)];
                    highestInSector = Math.max(highestInSector, angle);
                    lowest = Math.min(lowest, angle);
                }
                double sin = Math.sin(highestInSector);
                float up = (float) sin;
                sectorBounds[2 * (cell * SECTORS + o)] = up < sin ? Math.nextUp(up) : up;
                double sinLowest = Math.sin(lowest);
                float down = (float) sinLowest;
                sectorBounds[2 * (cell * SECTORS + o) + 1] = down > sinLowest ? Math.nextDown(down) : down;
            }
        }
    }

    /**
     * The horizons of the tile's core cells toward {@code azimuths} azimuths; those farther than two azimuth steps from
     * every azimuth the sun can take ({@code sun}) are never read, and not computed (their angles stay 0). The work is
     * shared among {@code threads} threads; each cell's angles are computed alike on any thread. On a projected DEM the
     * terrain beyond {@value HorizonSweep#NEAR_STEPS} ray steps comes from {@link HorizonSweep}.
     */
    static HorizonShadow compute(SolarTile tile, MetricCellSize cellSize, double maxDistance, int azimuths, SunAzimuths sun,
                                 int threads) throws InterruptedException {
        return compute(tile, cellSize, maxDistance, azimuths, sun, threads, HorizonSweep.NEAR_STEPS);
    }

    /**
     * As {@link #compute(SolarTile, MetricCellSize, double, int, SunAzimuths, int)}, each cell marching its own ray for
     * {@code nearSteps} steps and the sweep taking the rest (on a projected DEM; {@link Integer#MAX_VALUE}: the march
     * alone, everywhere).
     */
    static HorizonShadow compute(SolarTile tile, MetricCellSize cellSize, double maxDistance, int azimuths, SunAzimuths sun,
                                 int threads, int nearSteps) throws InterruptedException {
        float[] angles = new float[Math.toIntExact(tile.core().cells()) * azimuths];
        BlockMaxima[] blocks = HorizonMarch.blocks(tile);
        boolean[] used = new boolean[azimuths];
        for (int k = 0; k < azimuths; k++) {
            used[k] = sun.near(2 * Math.PI * k / azimuths, 2 * (2 * Math.PI / azimuths));
        }
        int firstRow = tile.window().y0();
        int lastRow = firstRow + tile.window().height() - 1;
        double dx = cellSize.dx(firstRow);
        double dy = cellSize.dy(firstRow);
        double near = nearSteps == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : nearSteps * Math.min(dx, dy);
        boolean sweep = !tile.dem().geographic() && cellSize.dx(lastRow) == dx && cellSize.dy(lastRow) == dy
                && near < maxDistance;
        try {
            if (sweep) {
                NearestCellRay[] rays = new NearestCellRay[azimuths];
                int[][] windowOffsets = new int[azimuths][];
                double reach = NearestCellRay.reach(maxDistance, tile.dem().columns(), tile.dem().rows(), dx, dy);
                for (int k = 0; k < azimuths; k++) {
                    if (used[k]) {
                        rays[k] = NearestCellRay.trace(2 * Math.PI * k / azimuths, dx, dy, reach);
                        windowOffsets[k] = rays[k].windowOffsets(tile.window().width(), null);
                    }
                }
                int workers = Math.max(1, threads);
                Workers.run(workers, first -> {
                    sweepLines(tile, new HorizonMarch(tile, blocks), new HorizonSweep(tile, dx, dy, near, maxDistance),
                            rays, windowOffsets, near, angles, first, workers);
                    return null;
                });
            } else {
                int workers = Math.max(1, Math.min(threads, tile.core().height()));
                Workers.run(workers, first -> {
                    computeRows(tile, cellSize, maxDistance, used, new HorizonMarch(tile, blocks), angles, first, workers);
                    return null;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the march reads memory only
        }
        return new HorizonShadow(azimuths, angles, !tile.dem().geographic());
    }

    /**
     * The angles of share {@code first} of {@code step} equal shares of the lines of every azimuth with a ray into
     * {@code angles}: per cell, its own ray up to {@code near} metres and the sweep beyond,
     * unless the ray ended before (a centre without data, the DEM's edge).
     */
    private static void sweepLines(SolarTile tile, HorizonMarch march, HorizonSweep sweep, NearestCellRay[] rays,
                                   int[][] windowOffsets, double near, float[] angles, int first, int step) {
        int azimuths = rays.length;
        int coreWidth = tile.core().width();
        int lineCells = Math.max(tile.core().width(), tile.core().height());
        int[] cells = new int[lineCells];
        double[] far = new double[lineCells];
        // one azimuth's angles of this share's cells (−1 elsewhere), stored into the cell-major angles in cell order:
        // along the lines, cells lie a row apart, and cell-major stores that far apart missed the cache (measured)
        float[] azimuthAngles = new float[Math.toIntExact(tile.core().cells())];
        Arrays.fill(azimuthAngles, -1);
        // azimuths in a spread order: the first ones show the JIT compiler lines of every direction
        for (int k : SpreadOrder.of(azimuths)) {
            if (rays[k] == null) {
                continue;
            }
            NearestCellRay ray = rays[k];
            int nearSteps = 0;
            while (nearSteps < ray.steps() && ray.rayDistance()[nearSteps] <= near) {
                nearSteps++;
            }
            sweep.azimuth(2 * Math.PI * k / azimuths);
            // a contiguous share of the lines: neighbouring lines read neighbouring elevations
            int lines = sweep.lastLine() - sweep.firstLine() + 1;
            int end = sweep.firstLine() + (int) ((long) lines * (first + 1) / step);
            for (int line = sweep.firstLine() + (int) ((long) lines * first / step); line < end; line++) {
                int found = sweep.farTangents(line, cells, far);
                for (int i = 0; i < found; i++) {
                    int cell = cells[i];
                    int column = tile.core().x0() + cell % coreWidth;
                    int row = tile.core().y0() + cell / coreWidth;
                    double tangent = march.horizonTangent(ray, windowOffsets[k], column, row, tile.elevationAt(column, row), nearSteps);
                    if (!march.ended()) {
                        tangent = Math.max(tangent, far[i]);
                    }
                    azimuthAngles[cell] = (float) Math.atan(tangent);
                }
            }
            for (int cell = 0; cell < azimuthAngles.length; cell++) {
                if (azimuthAngles[cell] != -1) {
                    angles[cell * azimuths + k] = azimuthAngles[cell];
                    azimuthAngles[cell] = -1;
                }
            }
        }
        // cells without data are on no line's list
        for (int cell = first; cell < tile.core().cells(); cell += step) {
            int column = tile.core().x0() + cell % coreWidth;
            int row = tile.core().y0() + cell / coreWidth;
            if (Float.isNaN(tile.elevationAt(column, row))) {
                for (int k = 0; k < azimuths; k++) {
                    angles[cell * azimuths + k] = Float.NaN;
                }
            }
        }
    }

    /** The angles of the core rows {@code firstRow}, {@code firstRow + rowStep}, … (core row numbers) into {@code angles}. */
    private static void computeRows(SolarTile tile, MetricCellSize cellSize, double maxDistance, boolean[] used,
                                    HorizonMarch march, float[] angles, int firstRow, int rowStep) {
        int azimuths = used.length;
        int coreWidth = tile.core().width();
        int columns = tile.dem().columns();
        int rows = tile.dem().rows();
        NearestCellRay[] rays = new NearestCellRay[azimuths];
        // per ray, the window index offset of each step's centre, row-major
        int[][] windowOffsets = new int[azimuths][];
        double raysDx = Double.NaN;
        double raysDy = Double.NaN;
        // row by row, and along the row for one azimuth at a time: neighbouring cells read neighbouring elevations
        for (int coreRow = firstRow; coreRow < tile.core().height(); coreRow += rowStep) {
            int row = tile.core().y0() + coreRow;
            double dx = cellSize.dx(row);
            double dy = cellSize.dy(row);
            if (dx != raysDx || dy != raysDy) {
                double reach = NearestCellRay.reach(maxDistance, columns, rows, dx, dy);
                for (int k = 0; k < azimuths; k++) {
                    if (!used[k]) {
                        continue;
                    }
                    if (rays[k] == null) {
                        rays[k] = NearestCellRay.trace(2 * Math.PI * k / azimuths, dx, dy, reach);
                    } else {
                        rays[k].retrace(2 * Math.PI * k / azimuths, dx, dy, reach);
                    }
                    windowOffsets[k] = rays[k].windowOffsets(tile.window().width(), windowOffsets[k]);
                }
                raysDx = dx;
                raysDy = dy;
            }
            for (int k = 0; k < azimuths; k++) {
                if (!used[k]) {
                    continue;
                }
                for (int cell = coreRow * coreWidth; cell < (coreRow + 1) * coreWidth; cell++) {
                    int column = tile.core().x0() + cell % coreWidth;
                    double z0 = tile.elevationAt(column, row);
                    angles[cell * azimuths + k] = Double.isNaN(z0) ? Float.NaN
                            : (float) Math.atan(march.horizonTangent(rays[k], windowOffsets[k], column, row, z0, Integer.MAX_VALUE));
                }
            }
        }
    }

    /** The march of one cell's horizon along one ray, over one tile. */
    private static final class HorizonMarch {
        private final double maxElevation;
        private final int lastColumn;
        private final int lastRow;
        private final float[] elevation;
        private final int windowX0;
        private final int windowY0;
        private final int windowWidth;
        private final int levels = NearestCellRay.RUN_SHIFTS.length;
        private final int finestShift = NearestCellRay.RUN_SHIFTS[levels - 1];
        private final BlockMaxima[] blocks;
        /** Whether the last march ended (a centre without data, the DEM's edge) before its last step. */
        private boolean ended;

        /** The {@link BlockMaxima} of every skip level of {@link NearestCellRay#RUN_SHIFTS}, coarse to fine. */
        static BlockMaxima[] blocks(SolarTile tile) {
            BlockMaxima[] blocks = new BlockMaxima[NearestCellRay.RUN_SHIFTS.length];
            for (int l = 0; l < blocks.length; l++) {
                blocks[l] = new BlockMaxima(tile, NearestCellRay.RUN_SHIFTS[l]);
            }
            return blocks;
        }

        /** A march over {@code tile} with its {@link #blocks}; one per thread. */
        HorizonMarch(SolarTile tile, BlockMaxima[] blocks) {
            this.blocks = blocks;
            maxElevation = tile.demMaxElevation();
            lastColumn = tile.dem().columns() - 1;
            lastRow = tile.dem().rows() - 1;
            elevation = tile.elevation();
            windowX0 = tile.window().x0();
            windowY0 = tile.window().y0();
            windowWidth = tile.window().width();
        }

        boolean ended() {
            return ended;
        }

        /**
         * max(0, max over the ray's samples of (z_p − z0 − L²/(2R))/L) for the cell at ({@code column}, {@code row})
         * with elevation {@code z0} over the ray's first {@code limit} steps; {@code offsets} are the ray's
         * {@link NearestCellRay#windowOffsets}. Afterwards {@link #ended()} tells whether the march met a centre
         * without data or the DEM's edge (an edge inside a run skipped as unable to raise the horizon goes unnoticed).
         */
        double horizonTangent(NearestCellRay ray, int[] offsets, int column, int row, double z0, int limit) {
            int[] dcs = ray.columnOffset();
            int[] drs = ray.rowOffset();
            double[] distance = ray.distance();
            double[] drop = ray.drop();
            double[] after = ray.nearestAfter();
            double headroom = maxElevation - z0;
            int origin = (row - windowY0) * windowWidth + (column - windowX0);
            double best = 0;
            int steps = Math.min(ray.steps(), limit);
            int i = 0;
            ended = false;
            march:
            while (i < steps) {
                // i starts a run of every level it is a multiple of: skip the longest (coarse to fine) whose
                // cells cannot raise the horizon, stop when no cell of the DEM could, else walk the finest run
                double lower = after[i];
                float finestMax = Float.NaN;
                for (int l = 0; l < levels; l++) {
                    int shift = NearestCellRay.RUN_SHIFTS[l];
                    if ((i & ((1 << shift) - 1)) != 0) {
                        continue;
                    }
                    float runMax = ray.runMaximum(l, i >> shift, column, row, lastColumn, lastRow, blocks[l]);
                    if (runMax == Float.NEGATIVE_INFINITY) {
                        ended = true;
                        break march;
                    }
                    if (lower > 0 && runMax - z0 - lower * lower / (2 * EARTH_RADIUS_METRES) <= best * lower) {
                        i += 1 << shift;
                        continue march;
                    }
                    finestMax = runMax;
                }
                if (lower > 0 && headroom - lower * lower / (2 * EARTH_RADIUS_METRES) <= best * lower) {
                    break;
                }
                int end = Math.min(steps, i + (1 << finestShift));
                if (finestMax != Float.POSITIVE_INFINITY
                        && ray.runInside(levels - 1, i >> finestShift, column, row, lastColumn - 1, lastRow - 1)) {
                    // every centre of the run has data and lies off the DEM's last row and column
                    for (; i < end; i++) {
                        double rise = elevation[origin + offsets[i]] - z0 - drop[i];
                        if (rise > best * distance[i]) {
                            best = rise / distance[i];
                        }
                    }
                    continue;
                }
                for (; i < end; i++) {
                    int c = column + dcs[i];
                    int r = row + drs[i];
                    if (c < 0 || r < 0 || c > lastColumn || r > lastRow) {
                        ended = true;
                        break march;
                    }
                    if (c == lastColumn || r == lastRow) {
                        continue;
                    }
                    float zp = elevation[origin + offsets[i]];
                    if (Float.isNaN(zp)) {
                        ended = true;
                        break march;
                    }
                    double rise = zp - z0 - drop[i];
                    if (rise > best * distance[i]) {
                        best = rise / distance[i];
                    }
                }
            }
            return best;
        }
    }

    int azimuths() {
        return azimuths;
    }

    /**
     * The test of sample {@code k} of {@code windows} for a core cell whose surface faces the sun, decided from the cell's
     * angles at the window's nodes: 1 sunlit, 0 shadowed ({@link #isShadowed}'s answers), −1 undecided (no window, or an
     * angle between the window's hiding angles).
     */
    int verdict(int coreCell, HorizonWindows windows, int k) {
        int node = windows.firstNode[k];
        if (node < 0) {
            return -1;
        }
        int base = coreCell * azimuths;
        float lowest = angles[base + node];
        float highest = lowest;
        for (int j = 1; j < windows.nodes[k]; j++) {
            node = node + 1 == azimuths ? 0 : node + 1;
            float angle = angles[base + node];
            lowest = Math.min(lowest, angle);
            highest = Math.max(highest, angle);
        }
        return highest < windows.clearBelow[k] ? 1 : lowest >= windows.hiddenFrom[k] ? 0 : -1;
    }

    /**
     * {@link #verdict} from the interpolated angle's bounds over a day's window of two or three nodes (−1 for other
     * windows): linear in the azimuth between two nodes, it lies between its values at the arc's ends and, when the arc
     * crosses a node, that node's angle (± {@value #INTERPOLATION_MARGIN} rad for its rounding). These bounds lie within
     * the nodes' lowest and highest angles, so they decide more tests; the day loop asks them first.
     */
    int interpolatedVerdict(int coreCell, HorizonWindows windows, int k) {
        int count = windows.nodes[k];
        double fromWeight = windows.fromWeight[k];
        if (!(count == 2 || count == 3) || Double.isNaN(fromWeight)) {
            return -1;
        }
        int base = coreCell * azimuths;
        int node = windows.firstNode[k];
        int second = node + 1 == azimuths ? 0 : node + 1;
        double a0 = angles[base + node];
        double a1 = angles[base + second];
        double start = a0 + fromWeight * (a1 - a0);
        double end;
        double highest;
        double lowest;
        if (count == 2) {
            end = a0 + windows.toWeight[k] * (a1 - a0);
            highest = Math.max(start, end);
            lowest = Math.min(start, end);
        } else {
            double a2 = angles[base + (second + 1 == azimuths ? 0 : second + 1)];
            end = a1 + windows.toWeight[k] * (a2 - a1);
            highest = Math.max(a1, Math.max(start, end));
            lowest = Math.min(a1, Math.min(start, end));
        }
        return highest + INTERPOLATION_MARGIN < windows.clearBelow[k] ? 1 : lowest - INTERPOLATION_MARGIN >= windows.hiddenFrom[k] ? 0 : -1;
    }

    /** The horizon angle (radians) of a core cell toward a compass azimuth in [0, 2π). */
    double angle(int coreCell, double azimuth) {
        double u = azimuth * azimuthsPerRadian;
        int k0 = (int) u;
        if (k0 >= azimuths) {
            k0 = azimuths - 1;
        }
        double w = u - k0;
        int k1 = k0 + 1 == azimuths ? 0 : k0 + 1;
        double a0 = angles[coreCell * azimuths + k0];
        return a0 + w * (angles[coreCell * azimuths + k1] - a0);
    }

    @Override
    public boolean isShadowed(int coreCell, SunDirection sun) {
        if (sectorBounds == null) {
            return sun.isHiddenBy(angle(coreCell, sun.azimuth()));
        }
        double sinAltitude = sun.sinAltitude();
        // the sector's bounds reach one azimuth past each edge, so a neighbouring sector named at an edge is safe
        int o = coreCell * SECTORS + sun.sector();
        if (sinAltitude >= sectorBounds[2 * o]) {
            return false;
        }
        if (sinAltitude < sectorBounds[2 * o + 1]) {
            return true;
        }
        return sun.isHiddenBy(angle(coreCell, sun.azimuth()));
    }

    /**
     * sin of the cell's highest horizon angle toward the azimuths an interpolation on the arc can use: both neighbours of
     * every azimuth on it, and one more on each side for the rounding of the sun's azimuth ({@link FastAngles}: a few
     * 1e-9 rad). An interpolated angle never exceeds the larger of its two azimuths' angles (the float angles' difference
     * is exact in double), and sin is monotonic on [0, π/2). The whole circle reads the cell's highest angle over the
     * azimuths computed, which include both neighbours of every azimuth the sun takes.
     */
    @Override
    public double sinAltitudeAlwaysLit(int coreCell, double fromAzimuth, double toAzimuth) {
        int first = (int) Math.floor(fromAzimuth * azimuthsPerRadian) - 1;
        int last = (int) Math.floor(toAzimuth * azimuthsPerRadian) + 2;
        if (last - first + 1 >= azimuths) {
            return sinHighest[coreCell];
        }
        float highest = 0;
        for (int k = first; k <= last; k++) {
            highest = Math.max(highest, angles[coreCell * azimuths + Math.floorMod(k, azimuths)]);
        }
        return Math.sin(highest);
    }
}
