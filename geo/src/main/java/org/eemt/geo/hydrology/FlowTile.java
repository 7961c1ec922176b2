package org.eemt.geo.hydrology;

import java.io.Serializable;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * One tile on a worker after filling: the ε-filled elevations of the tile padded with its final
 * ring, its D-infinity directions and its downstream order, kept for the flow rounds. The flow
 * pass takes the area flowing into the tile's perimeter cells from other tiles ({@link Ring}
 * order over the core) and returns the area it passes into its ring; the finishing pass makes
 * the tile's products.
 *
 * @param dem    the whole DEM's grid
 * @param core   the tile's cells
 * @param filled filled elevations (m) of the core and its ring, {@code (w+2) x (h+2)}, NaN = NoData
 * @param flow   D-infinity directions of {@code filled}
 * @param order  {@link UpslopeArea#downstreamOrder} of {@code filled}
 */
public record FlowTile(RasterGrid dem, PixelWindow core, float[] filled, DInfinity flow, int[] order)
        implements Serializable {

    /** Flow pass: the area (m²) the tile passes into each ring cell, given its inflow. */
    public double[] outflow(double[] inflow) {
        return accumulate(inflow).outflow();
    }

    /** Finishing pass: filled DEM, SCA and TWI of the tile given its final inflow. */
    public TileProducts finish(double[] inflow) {
        UpslopeArea up = accumulate(inflow);
        int n = Math.toIntExact(core.cells());
        PixelWindow padded = new PixelWindow(core.x0() - 1, core.y0() - 1, core.width() + 2, core.height() + 2);
        MetricCellSize sizes = new MetricCellSize(dem);
        float[] slope = new float[n];
        double[] elevation = new double[filled.length];
        for (int i = 0; i < filled.length; i++) {
            elevation[i] = filled[i];
        }
        HornSlopeAspect.compute(elevation, padded, core, dem.columns(), dem.rows(), sizes, slope, new float[n], new float[n]);
        float[] sca = new float[n];
        float[] twi = new float[n];
        double[] area = up.area();
        double sum = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            int row = core.y0() + i / core.width();
            double s = area[i] / Math.sqrt(sizes.dx(row) * sizes.dy(row));
            sca[i] = (float) s;
            twi[i] = (float) WetnessIndex.twi(s, slope[i]);
            if (!Float.isNaN(twi[i])) {
                sum += twi[i];
                count++;
            }
        }
        return new TileProducts(padded.crop(elevation, core), sca, twi, up.leaving(), sum, count);
    }

    private UpslopeArea accumulate(double[] inflow) {
        int ph = core.height() + 2;
        double[] cellArea = new double[ph];
        MetricCellSize sizes = new MetricCellSize(dem);
        for (int y = 0; y < ph; y++) {
            int row = Math.min(Math.max(core.y0() - 1 + y, 0), dem.rows() - 1);
            cellArea[y] = sizes.dx(row) * sizes.dy(row);
        }
        return UpslopeArea.accumulate(order, core.width() + 2, ph, flow, cellArea, inflow);
    }
}
