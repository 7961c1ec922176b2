package org.eemt.geo.climate;

import java.io.Serializable;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.RasterGrid;

/**
 * z_b without a reference elevation (SCIENCE.md §3): the mean elevation of the DEM cells whose
 * centres fall inside each climate cell of a {@link ClimateWindow}. Tiles are added one by one
 * ({@link #add}) and partial results merged ({@link #merge}), so a cluster can compute it without
 * holding the DEM. Sums are kept exactly (elevations in 1/65536 m as {@code long}), so the means
 * do not depend on the order of tiles: products stay identical for any tile size.
 */
public final class DemMeanElevation implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double SCALE = 65536.0;

    private final RasterGrid climate;
    private final long[] scaledSums;
    private final long[] counts;

    /** An empty accumulator over the grid of {@code window}. */
    public DemMeanElevation(ClimateWindow window) {
        this.climate = window.grid();
        this.scaledSums = new long[Math.toIntExact(climate.cells())];
        this.counts = new long[scaledSums.length];
    }

    /** Adds the valid (finite) elevations (m) of a DEM tile, row-major over {@code cells}. */
    public DemMeanElevation add(RasterGrid cells, float[] elevationMetres) {
        double[] xy = CellCoordinates.centresIn(cells, climate.crs());
        for (int i = 0; i < elevationMetres.length; i++) {
            float z = elevationMetres[i];
            if (!Float.isFinite(z)) {
                continue;
            }
            int c = (int) Math.floor((xy[2 * i] - climate.originX()) / climate.cellWidth());
            int r = (int) Math.floor((climate.originY() - xy[2 * i + 1]) / climate.cellHeight());
            if (c >= 0 && r >= 0 && c < climate.columns() && r < climate.rows()) {
                int k = r * climate.columns() + c;
                scaledSums[k] += Math.round(z * SCALE);
                counts[k]++;
            }
        }
        return this;
    }

    /** Adds another accumulator's sums (over the same climate window) to this one. */
    public DemMeanElevation merge(DemMeanElevation other) {
        for (int k = 0; k < scaledSums.length; k++) {
            scaledSums[k] += other.scaledSums[k];
            counts[k] += other.counts[k];
        }
        return this;
    }

    /** The mean elevation (m) per climate cell, NaN where no DEM cell falls. */
    float[] means() {
        float[] out = new float[scaledSums.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = counts[k] == 0 ? Float.NaN : (float) (scaledSums[k] / SCALE / counts[k]);
        }
        return out;
    }
}
