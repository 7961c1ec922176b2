package org.eemt.geo.hydrology;

import java.io.Serializable;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * One tile of the DEM on a worker, before filling: the elevations of its cells (its core) and
 * where they lie in the DEM. The fill pass takes the filled elevations of the one-cell ring around
 * the tile ({@link Ring} order over the padded rectangle) from the driver and returns the tile's
 * perimeter; once the ring is final, {@link #settle} makes the tile's {@link FlowTile}. Passes are
 * pure functions of the tile and their input, so a lost task can simply be run again.
 *
 * @param dem       the whole DEM's grid (for metric cell sizes and its edges)
 * @param core      the tile's cells
 * @param elevation elevations (m) of the core, row-major, NaN = NoData
 */
public record HydrologyTile(RasterGrid dem, PixelWindow core, float[] elevation) implements Serializable {

    public HydrologyTile {
        if (elevation.length != core.cells()) {
            throw new IllegalArgumentException(elevation.length + " elevations for a tile of " + core.cells() + " cells");
        }
    }

    /** Fill pass: the ε-filled elevations of the tile's perimeter cells given the ring's filled elevations. */
    public float[] fillPerimeter(float[] ring) {
        float[] padded = filled(ring);
        int w = core.width();
        int h = core.height();
        float[] out = new float[Ring.size(w, h)];
        for (int i = 0; i < out.length; i++) {
            out[i] = padded[(Ring.y(w, h, i) + 1) * (w + 2) + Ring.x(w, h, i) + 1];
        }
        return out;
    }

    /** The filled tile with its flow directions and order, from the final ring. */
    public FlowTile settle(float[] ring) {
        float[] padded = filled(ring);
        int pw = core.width() + 2;
        int ph = core.height() + 2;
        double[] dx = new double[ph];
        double[] dy = new double[ph];
        MetricCellSize sizes = new MetricCellSize(dem);
        for (int y = 0; y < ph; y++) {
            int row = Math.min(Math.max(core.y0() - 1 + y, 0), dem.rows() - 1);
            dx[y] = sizes.dx(row);
            dy[y] = sizes.dy(row);
        }
        return new FlowTile(dem, core, padded, DInfinity.of(padded, pw, ph, dx, dy), UpslopeArea.downstreamOrder(padded, pw, ph));
    }

    private float[] filled(float[] ring) {
        int w = core.width();
        int h = core.height();
        int pw = w + 2;
        int ph = h + 2;
        if (ring.length != Ring.size(pw, ph)) {
            throw new IllegalArgumentException(ring.length + " ring values for a tile of " + w + "x" + h);
        }
        float[] padded = new float[pw * ph];
        for (int i = 0; i < ring.length; i++) {
            padded[Ring.y(pw, ph, i) * pw + Ring.x(pw, ph, i)] = ring[i];
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(elevation, y * w, padded, (y + 1) * pw + 1, w);
        }
        EpsilonFill.fill(padded, pw, ph);
        return padded;
    }
}
