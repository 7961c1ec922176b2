package org.eemt.geo.hydrology;

import java.io.Serializable;
import java.util.Arrays;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * One tile on a worker after filling: the ε-filled elevations of the tile padded with its final
 * ring, its flow directions (D-infinity for the standard index, {@link MultipleFlowDirection} for
 * the SAGA index) and its downstream order, kept for the flow rounds. The flow pass takes what
 * flows into the tile's perimeter cells from other tiles ({@link Ring} order over the core,
 * {@link WetnessSettings#flowStride} values per cell) and returns what it passes into its ring;
 * for the SAGA index the modification pass solves the modified catchment area from its ring; the
 * finishing pass makes the tile's products.
 *
 * @param dem      the whole DEM's grid
 * @param core     the tile's cells
 * @param filled   filled elevations (m) of the core and its ring, {@code (w+2) x (h+2)}, NaN = NoData
 * @param surface  the elevations (m) the flow is routed over, same shape: {@code filled} for the
 *                 standard index, the DEM as given for the SAGA index (as SAGA's tool)
 * @param dinf     D-infinity directions of {@code filled} (standard index; null otherwise)
 * @param mfd      multiple flow directions of {@code surface} (SAGA index; null otherwise)
 * @param order    {@link UpslopeArea#downstreamOrder} of {@code surface}
 * @param wetness  which index
 */
public record FlowTile(RasterGrid dem, PixelWindow core, float[] filled, float[] surface, DInfinity dinf, MultipleFlowDirection mfd,
                       int[] order, WetnessSettings wetness) implements Serializable {

    /** Input of a modification pass: the tile's final inflow and the modified catchment area (m²) of its ring. */
    public record ModifyInput(double[] inflow, double[] ringModified) implements Serializable {
    }

    /** Flow pass: what the tile passes into each ring cell (m², per slot), given its inflow. */
    public double[] outflow(double[] inflow) {
        return mfd == null ? accumulate(inflow).outflow() : accumulateMfd(inflow).outflow();
    }

    /**
     * Modification pass (SAGA index): the modified catchment area (m²) of the perimeter cells given
     * those of the ring (NaN = NoData), followed by the perimeter's catchment area (m²).
     */
    public double[] modifyPerimeter(ModifyInput input) {
        int w = core.width();
        int h = core.height();
        double[] area = accumulateMfd(input.inflow()).area();
        double[] m = modified(area, input.ringModified());
        int size = Ring.size(w, h);
        double[] out = new double[2 * size];
        for (int p = 0; p < size; p++) {
            int x = Ring.x(w, h, p);
            int y = Ring.y(w, h, p);
            out[p] = m[(y + 1) * (w + 2) + x + 1];
            out[size + p] = area[y * w + x];
        }
        return out;
    }

    /**
     * Finishing pass: filled DEM, SCA and wetness index of the tile given its final inflow and, for
     * the SAGA index, its final ring (modified catchment areas, then catchment areas, m²; null for
     * the standard index).
     */
    public TileProducts finish(double[] inflow, double[] ring) {
        int n = Math.toIntExact(core.cells());
        MetricCellSize sizes = new MetricCellSize(dem);
        float[] sca = new float[n];
        float[] twi = new float[n];
        double[] area;
        double leaving;
        if (mfd == null) {
            UpslopeArea up = accumulate(inflow);
            area = up.area();
            leaving = up.leaving();
            float[] slope = hornSlope(sizes);
            for (int i = 0; i < n; i++) {
                twi[i] = (float) WetnessIndex.twi(area[i] / width(sizes, i), slope[i]);
            }
        } else {
            MultipleFlowDirection.Accumulation acc = accumulateMfd(inflow);
            area = acc.area();
            leaving = acc.leaving();
            int pw = core.width() + 2;
            int size = Ring.size(pw, core.height() + 2);
            double[] m = modified(area, Arrays.copyOf(ring, size));
            double[] ca = padded(area, Arrays.copyOfRange(ring, size, 2 * size));
            for (int i = 0; i < n; i++) {
                int pi = (i / core.width() + 1) * pw + i % core.width() + 1;
                twi[i] = (float) SagaWetnessIndex.index(SagaWetnessIndex.smoothed(m, ca, pw, pi), width(sizes, i), acc.slope()[i]);
            }
        }
        double sum = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            sca[i] = (float) (area[i] / width(sizes, i));
            if (!Float.isNaN(twi[i])) {
                sum += twi[i];
                count++;
            }
        }
        float[] filledCore = new float[n];
        for (int i = 0; i < n; i++) {
            filledCore[i] = filled[(i / core.width() + 1) * (core.width() + 2) + i % core.width() + 1];
        }
        return new TileProducts(filledCore, sca, twi, leaving, sum, count);
    }

    /** Flow width (m) of core cell {@code i}: √(dx·dy) of its row. */
    private double width(MetricCellSize sizes, int i) {
        int row = core.y0() + i / core.width();
        return Math.sqrt(sizes.dx(row) * sizes.dy(row));
    }

    private float[] hornSlope(MetricCellSize sizes) {
        int n = Math.toIntExact(core.cells());
        PixelWindow padded = new PixelWindow(core.x0() - 1, core.y0() - 1, core.width() + 2, core.height() + 2);
        double[] elevation = new double[filled.length];
        for (int i = 0; i < filled.length; i++) {
            elevation[i] = filled[i];
        }
        float[] slope = new float[n];
        HornSlopeAspect.compute(elevation, padded, core, dem.columns(), dem.rows(), sizes, slope, new float[n], new float[n]);
        return slope;
    }

    /** The modified catchment area (m²) over the padded tile, from the core's CA and the ring's fixed values. */
    private double[] modified(double[] area, double[] ring) {
        double[] m = padded(area, ring);
        int pw = core.width() + 2;
        int ph = core.height() + 2;
        double[] factor = new double[pw * ph];
        double[] slope = localSlopes();
        for (int i : order) {
            factor[i] = SagaWetnessIndex.suctionFactor(slope[i], wetness.suction());
        }
        SagaWetnessIndex.modify(m, factor, pw, ph);
        return m;
    }

    /** {@link LocalSlope} (radians) of every valid core cell, per padded cell. */
    private double[] localSlopes() {
        int pw = core.width() + 2;
        double[] dx = rowSizes(dem, core, true);
        double[] dy = rowSizes(dem, core, false);
        double[] slope = new double[filled.length];
        for (int i : order) {
            slope[i] = LocalSlope.of(surface, pw, i, dx[i / pw], dy[i / pw]);
        }
        return slope;
    }

    /** Core values (row-major over the core) and ring values ({@link Ring} over the padded rectangle) in one padded array. */
    private double[] padded(double[] coreValues, double[] ring) {
        int w = core.width();
        int pw = w + 2;
        int ph = core.height() + 2;
        double[] out = new double[pw * ph];
        for (int r = 0; r < ring.length; r++) {
            out[Ring.y(pw, ph, r) * pw + Ring.x(pw, ph, r)] = ring[r];
        }
        for (int y = 0; y < core.height(); y++) {
            System.arraycopy(coreValues, y * w, out, (y + 1) * pw + 1, w);
        }
        return out;
    }

    private UpslopeArea accumulate(double[] inflow) {
        return UpslopeArea.accumulate(order, core.width() + 2, core.height() + 2, dinf, cellAreas(), inflow);
    }

    private MultipleFlowDirection.Accumulation accumulateMfd(double[] inflow) {
        return mfd.accumulate(order, core.height() + 2, cellAreas(), localSlopes(), inflow);
    }

    private double[] cellAreas() {
        double[] dx = rowSizes(dem, core, true);
        double[] dy = rowSizes(dem, core, false);
        double[] out = new double[dx.length];
        for (int y = 0; y < out.length; y++) {
            out[y] = dx[y] * dy[y];
        }
        return out;
    }

    /** East-west ({@code eastWest}) or north-south cell size (m) per padded row of a tile (rows outside the DEM take the nearest). */
    static double[] rowSizes(RasterGrid dem, PixelWindow core, boolean eastWest) {
        int ph = core.height() + 2;
        double[] out = new double[ph];
        MetricCellSize sizes = new MetricCellSize(dem);
        for (int y = 0; y < ph; y++) {
            int row = Math.min(Math.max(core.y0() - 1 + y, 0), dem.rows() - 1);
            out[y] = eastWest ? sizes.dx(row) : sizes.dy(row);
        }
        return out;
    }
}
