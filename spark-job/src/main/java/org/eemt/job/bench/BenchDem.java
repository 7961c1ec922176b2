package org.eemt.job.bench;

import java.nio.file.Path;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.SolarTile;

/** A DEM read whole for {@code eemt bench solar}: its grid, elevations (m, NaN = NoData) and file. */
record BenchDem(Path file, RasterGrid grid, float[] elevation) {

    static BenchDem read(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return new BenchDem(file, r.grid(), r.read(r.grid().extent()));
        }
    }

    int validCells() {
        int n = 0;
        for (float z : elevation) {
            n += Float.isNaN(z) ? 0 : 1;
        }
        return n;
    }

    /** The whole DEM as one solar tile with Horn slope and aspect (radians), as the solar stage computes them. */
    SolarTile tile() {
        double[] z = new double[elevation.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            z[i] = elevation[i];
            max = elevation[i] > max ? elevation[i] : max;
        }
        PixelWindow all = grid.extent();
        return SolarTile.withHornSlopeAspect(grid, max, all, z, all);
    }
}
