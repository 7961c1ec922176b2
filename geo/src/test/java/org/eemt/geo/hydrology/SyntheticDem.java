package org.eemt.geo.hydrology;

import java.nio.file.Path;
import java.util.Random;
import org.eemt.geo.raster.GeoTiffWriter;

/**
 * Writes the synthetic benchmark DEM of docs/performance.md: {@code size x size} cells of 10 m,
 * a regional slope with hills and valleys on three scales and 0.5 m of noise (many small pits,
 * closed basins and drainage across every tile).
 * Usage: {@code SyntheticDem <size> <out.tif>}.
 */
public final class SyntheticDem {
    private SyntheticDem() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Random random = new Random(2024);
        float[] z = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double hills = 40 * Math.sin(x / 180.0) * Math.cos(y / 230.0)
                        + 12 * Math.sin(x / 37.0 + y / 53.0) + 4 * Math.cos(x / 11.0 - y / 7.0);
                z[y * n + x] = (float) (1500 + 0.02 * (x + y) + hills + 0.5 * random.nextDouble());
            }
        }
        GeoTiffWriter.writeLocal(Dems.grid10m(n, n), z, Path.of(args[1]));
    }
}
