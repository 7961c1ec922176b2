package org.eemt.job.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.RasterGrid;

/**
 * The synthetic benchmark DEM of {@code eemt bench solar --synthetic N}: N x N cells of 10 m in UTM
 * zone 13N (EPSG:26913, around 35.8° N), a fractal sum of sines. Octave o (0..{@value #OCTAVES}−1)
 * has wavelength {@value #LONGEST_WAVELENGTH_M} m / 2^o and amplitude {@value #AMPLITUDE_M} m / 2^o in
 * three directions with random phases, so every scale has slopes of the same order; for N = 2048
 * (gdaldem): elevations 677–3219 m, slope 19.4° mean (± 9.1°), 53.6° at most: valleys, ridges and
 * long shadows. Deterministic: the seed fixes the directions and phases.
 */
final class SyntheticTerrain {
    static final long SEED = 2026;
    private static final int OCTAVES = 8;
    private static final double LONGEST_WAVELENGTH_M = 16_000;
    private static final double AMPLITUDE_M = 300;
    private static final double CELL_M = 10;

    private SyntheticTerrain() {
    }

    /** Writes the N x N DEM to {@code file} (Float32 GeoTIFF). */
    static void write(int size, Path file) throws IOException {
        Random random = new Random(SEED);
        int waves = OCTAVES * 3;
        double[] kx = new double[waves];
        double[] ky = new double[waves];
        double[] phase = new double[waves];
        double[] amplitude = new double[waves];
        for (int w = 0; w < waves; w++) {
            int octave = w / 3;
            double direction = Math.PI * (w % 3) / 3 + random.nextDouble() * Math.PI / 3;
            double k = 2 * Math.PI * (1 << octave) / LONGEST_WAVELENGTH_M;
            kx[w] = k * Math.cos(direction);
            ky[w] = k * Math.sin(direction);
            phase[w] = 2 * Math.PI * random.nextDouble();
            amplitude[w] = AMPLITUDE_M / (1 << octave);
        }
        float[] z = new float[size * size];
        for (int row = 0; row < size; row++) {
            double y = row * CELL_M;
            for (int column = 0; column < size; column++) {
                double x = column * CELL_M;
                double h = 1800;
                for (int w = 0; w < waves; w++) {
                    h += amplitude[w] * Math.sin(kx[w] * x + ky[w] * y + phase[w]);
                }
                z[row * size + column] = (float) h;
            }
        }
        RasterGrid grid = new RasterGrid(size, size, 350_000, 3_980_000, CELL_M, CELL_M, "EPSG:26913", null, false,
                6_378_137.0, 298.257222101);
        GeoTiffWriter.writeLocal(grid, z, file);
    }
}
