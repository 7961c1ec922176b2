package org.eemt.geo.hydrology;

import java.io.Serializable;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * One tile of the DEM on a worker, and the passes that run on it: the elevations of its cells
 * (its core) and where they lie in the DEM. Each pass takes what the driver sends (values of the
 * one-cell ring around the tile, {@link Ring} order over the padded rectangle) and returns
 * perimeter-sized data, or the finished products. Passes are pure functions of the tile and their
 * input, so a lost task can simply be run again.
 */
public record HydrologyTile(RasterGrid dem, PixelWindow core, float[] elevation) implements Serializable {

    /**
     * @param dem       the whole DEM's grid (for metric cell sizes and its edges)
     * @param core      the tile's cells
     * @param elevation elevations (m) of the core, row-major, NaN = NoData
     */
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

    /** Flow pass: the area (m²) the tile passes into each ring cell, given the final ring and the inflow. */
    public double[] outflow(TileBoundary boundary) {
        float[] padded = filled(boundary.ring());
        double[] inflow = boundary.inflow();
        return UpslopeArea.accumulate(padded, core.width() + 2, core.height() + 2, directions(padded), cellAreas(), inflow)
                .outflow();
    }

    /** Finishing pass: filled DEM, SCA and TWI of the tile given the final ring and inflow. */
    public TileProducts finish(TileBoundary boundary) {
        float[] padded = filled(boundary.ring());
        double[] inflow = boundary.inflow();
        int pw = core.width() + 2;
        int ph = core.height() + 2;
        UpslopeArea up = UpslopeArea.accumulate(padded, pw, ph, directions(padded), cellAreas(), inflow);
        int n = Math.toIntExact(core.cells());
        float[] slope = new float[n];
        double[] filledElevation = new double[padded.length];
        for (int i = 0; i < padded.length; i++) {
            filledElevation[i] = padded[i];
        }
        HornSlopeAspect.compute(filledElevation, paddedWindow(), core, dem.columns(), dem.rows(), new MetricCellSize(dem),
                slope, new float[n], new float[n]);
        float[] filledCore = paddedWindow().crop(filledElevation, core);
        float[] sca = new float[n];
        float[] twi = new float[n];
        double[] area = up.area();
        double sum = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            int row = core.y0() + i / core.width();
            double s = area[i] / width(row);
            sca[i] = (float) s;
            double t = WetnessIndex.twi(s, slope[i]);
            twi[i] = (float) t;
            if (!Double.isNaN(t)) {
                sum += twi[i];
                count++;
            }
        }
        return new TileProducts(filledCore, sca, twi, up.leaving(), sum, count);
    }

    /**
     * The flow width of a cell of DEM row {@code row} (m) that turns upslope area into SCA: the side
     * of a square of the cell's area, √(dx·dy), which is the cell size for square cells.
     */
    public double width(int row) {
        MetricCellSize sizes = new MetricCellSize(dem);
        return Math.sqrt(sizes.dx(row) * sizes.dy(row));
    }

    private PixelWindow paddedWindow() {
        return new PixelWindow(core.x0() - 1, core.y0() - 1, core.width() + 2, core.height() + 2);
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

    private DInfinity directions(float[] padded) {
        int ph = core.height() + 2;
        double[] dx = new double[ph];
        double[] dy = new double[ph];
        MetricCellSize sizes = new MetricCellSize(dem);
        for (int y = 0; y < ph; y++) {
            int row = Math.min(Math.max(core.y0() - 1 + y, 0), dem.rows() - 1);
            dx[y] = sizes.dx(row);
            dy[y] = sizes.dy(row);
        }
        return DInfinity.of(padded, core.width() + 2, ph, dx, dy);
    }

    private double[] cellAreas() {
        int ph = core.height() + 2;
        double[] a = new double[ph];
        MetricCellSize sizes = new MetricCellSize(dem);
        for (int y = 0; y < ph; y++) {
            int row = Math.min(Math.max(core.y0() - 1 + y, 0), dem.rows() - 1);
            a[y] = sizes.dx(row) * sizes.dy(row);
        }
        return a;
    }
}
