package org.eemt.geo.solar.fast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * r.sun's shadow test (SCIENCE.md §2, "Comparing with GRASS r.sun"), evaluated at every sample time
 * along a {@link NearestCellRay} toward the sun: the cell is shadowed when a sampled centre,
 * lowered by Earth curvature, rises above the ray at its distance: z_p − L²/(2R) &gt; z0 + L·tan h0.
 *
 * <p>The march ends sunlit when the ray (at the distance travelled) rises above the DEM's highest
 * elevation, when the centre is outside the DEM or has no data, or beyond the horizon search
 * distance. Cells of the DEM's last column and last row never shade (as in r.sun). Distances use
 * the cell sizes of the observer's row ({@link MetricCellSize}).
 *
 * <p>Speed: runs of steps whose cells ({@link BlockMaxima}) are all too low to shade are skipped
 * (exactly: the result is the same). The sun's azimuth is rounded to 1/{@value #AZIMUTH_BINS} of a turn (0.01°) and one ray
 * per rounded azimuth (and, for geographic DEMs, per row) is shared by every cell of the tile. The
 * rounding, the rays and the DEM maximum depend on DEM coordinates only, never on the tile, so
 * results are tile-invariant as long as the window covers the search distance.
 */
final class RayShadow implements TerrainShadow {
    static final int AZIMUTH_BINS = 36_000;
    private static final int CACHED_RAYS = 4096;

    private final SolarTile tile;
    private final MetricCellSize cellSize;
    private final boolean sameCellSizeEveryRow;
    private final double maxDistance;
    private final double maxElevation;
    private final int lastColumn;
    private final int lastRow;
    private final BlockMaxima blocks;
    /** Per thread (days may be computed on several at once), the rays it traced last. */
    private final ThreadLocal<Map<Long, NearestCellRay>> rays = ThreadLocal.withInitial(() -> new LinkedHashMap<>(CACHED_RAYS * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, NearestCellRay> eldest) {
            return size() > CACHED_RAYS;
        }
    });

    RayShadow(SolarTile tile, MetricCellSize cellSize, double maxDistanceMetres) {
        this.tile = tile;
        this.cellSize = cellSize;
        this.sameCellSizeEveryRow = !tile.dem().geographic();
        this.maxDistance = maxDistanceMetres;
        this.maxElevation = tile.demMaxElevation();
        this.lastColumn = tile.dem().columns() - 1;
        this.lastRow = tile.dem().rows() - 1;
        this.blocks = new BlockMaxima(tile, NearestCellRay.RUN_SHIFT);
    }

    @Override
    public boolean isShadowed(int coreCell, SunDirection sun) {
        int column = tile.core().x0() + coreCell % tile.core().width();
        int row = tile.core().y0() + coreCell / tile.core().width();
        double z0 = tile.elevationAt(column, row);
        double tanAltitude = sun.sinAltitude() / sun.cosAltitude();
        int bin = (int) Math.round(sun.azimuth() * (AZIMUTH_BINS / (2 * Math.PI)));
        if (bin == AZIMUTH_BINS) {
            bin = 0;
        }
        NearestCellRay ray = ray(bin, row);
        int[] dcs = ray.columnOffset();
        int[] drs = ray.rowOffset();
        double[] distance = ray.distance();
        double[] drop = ray.drop();
        double[] rayDistance = ray.rayDistance();
        float[] elevation = tile.elevation();
        int windowX0 = tile.window().x0();
        int windowY0 = tile.window().y0();
        int windowWidth = tile.window().width();
        double[] after = ray.nearestAfter();
        int steps = ray.steps();
        for (int i = 0; i < steps; i++) {
            if (i % NearestCellRay.RUN == 0) {
                float runMax = ray.runMaximum(NearestCellRay.RUN_LEVEL, i / NearestCellRay.RUN, column, row, lastColumn, lastRow, blocks);
                if (runMax == Float.NEGATIVE_INFINITY) {
                    return false;
                }
                double lower = after[i];
                if (lower > 0 && runMax - lower * lower / (2 * EARTH_RADIUS_METRES) <= z0 + lower * tanAltitude) {
                    // no cell of this run can shade; the ray may still rise above the DEM inside it
                    int end = Math.min(steps, i + NearestCellRay.RUN) - 1;
                    if (z0 + rayDistance[end] * tanAltitude > maxElevation) {
                        return false;
                    }
                    i = end;
                    continue;
                }
            }
            if (z0 + rayDistance[i] * tanAltitude > maxElevation) {
                return false;
            }
            int c = column + dcs[i];
            int r = row + drs[i];
            if (c < 0 || r < 0 || c > lastColumn || r > lastRow) {
                return false;
            }
            if (c == lastColumn || r == lastRow) {
                continue;
            }
            float zp = elevation[(r - windowY0) * windowWidth + (c - windowX0)];
            if (Float.isNaN(zp)) {
                return false;
            }
            if (zp - drop[i] > z0 + distance[i] * tanAltitude) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double sinAltitudeAlwaysLit(int coreCell, double fromAzimuth, double toAzimuth) {
        return 1;
    }

    private NearestCellRay ray(int bin, int row) {
        long key = sameCellSizeEveryRow ? bin : (long) row * AZIMUTH_BINS + bin;
        Map<Long, NearestCellRay> cache = rays.get();
        NearestCellRay ray = cache.get(key);
        if (ray == null) {
            double dx = cellSize.dx(row);
            double dy = cellSize.dy(row);
            ray = NearestCellRay.trace(bin * (2 * Math.PI / AZIMUTH_BINS), dx, dy,
                    NearestCellRay.reach(maxDistance, lastColumn + 1, lastRow + 1, dx, dy));
            cache.put(key, ray);
        }
        return ray;
    }
}
