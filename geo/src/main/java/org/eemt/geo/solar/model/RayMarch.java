package org.eemt.geo.solar.model;

import org.eemt.geo.terrain.MetricCellSize;

/**
 * The terrain a horizontal ray meets, sampled as r.sun samples it (SCIENCE.md §2, "Comparing with
 * GRASS r.sun"; Eq. 2.28): from a cell centre toward a compass azimuth A, step i = 1, 2, … of one
 * cell size s = min(dx, dy) (m, the observer's row's cell sizes, {@link MetricCellSize}) reaches the
 * point i·s·(sin A, cos A) east and north; its sample is the nearest cell centre, c = ⌊i·s·sin A/dx + ½⌋
 * columns east and r = ⌊−i·s·cos A/dy + ½⌋ rows south, at horizontal distance L = √((c·dx)² + (r·dy)²).
 * The observer's own centre is skipped; the march ends at the search distance, at a centre outside the
 * DEM or without data; centres in the DEM's last column or last row are skipped (they never shade, as in
 * r.sun). Written plainly, one step at a time: the reference of the fast path's rays.
 */
final class RayMarch {
    /** What a march reports at each sample; returns false to end the march. */
    @FunctionalInterface
    interface Sample {
        /**
         * @param rayDistance   i·s (m), the distance travelled along the ray
         * @param distance      L (m) from the observer's centre to the sampled centre
         * @param elevation     z_p (m) of the sampled centre
         */
        boolean visit(double rayDistance, double distance, double elevation);
    }

    private RayMarch() {
    }

    /** Marches from cell ({@code column}, {@code row}) of {@code tile}'s window toward {@code azimuth} (radians) up to {@code maxDistance} (m). */
    static void march(SolarTile tile, MetricCellSize cellSize, int column, int row, double azimuth, double maxDistance, Sample sample) {
        double dx = cellSize.dx(row);
        double dy = cellSize.dy(row);
        double step = Math.min(dx, dy);
        double columnsPerStep = step * Math.sin(azimuth) / dx;
        double rowsPerStep = -step * Math.cos(azimuth) / dy;
        int lastColumn = tile.dem().columns() - 1;
        int lastRow = tile.dem().rows() - 1;
        for (int i = 1; i <= (int) Math.floor(maxDistance / step); i++) {
            int c = (int) Math.floor(i * columnsPerStep + 0.5);
            int r = (int) Math.floor(i * rowsPerStep + 0.5);
            if (c == 0 && r == 0) {
                continue;
            }
            int sampleColumn = column + c;
            int sampleRow = row + r;
            if (sampleColumn < 0 || sampleRow < 0 || sampleColumn > lastColumn || sampleRow > lastRow) {
                return;
            }
            if (sampleColumn == lastColumn || sampleRow == lastRow) {
                continue;
            }
            double zp = tile.elevationAt(sampleColumn, sampleRow);
            if (Double.isNaN(zp)) {
                return;
            }
            double ex = c * dx;
            double ny = r * dy;
            if (!sample.visit(i * step, Math.sqrt(ex * ex + ny * ny), zp)) {
                return;
            }
        }
    }
}
