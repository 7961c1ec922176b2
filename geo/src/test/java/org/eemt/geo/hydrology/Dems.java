package org.eemt.geo.hydrology;

import java.nio.file.Path;
import java.util.Random;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;

/** DEMs for the hydrology tests: the project's files and synthetic surfaces with 10 m cells. */
final class Dems {
    private Dems() {
    }

    record Dem(RasterGrid grid, float[] z) {
    }

    static Path sampleDem() {
        return TestData.sampleDem();
    }

    static Path peruDem() {
        return TestData.shared("dem/peru_mongon_utm17s_30m.tif");
    }

    static Path zionDem() {
        return TestData.shared("dem/zion_srtm_3arcsec_4326.tif");
    }

    static Dem read(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return new Dem(r.grid(), r.read(r.grid().extent()));
        }
    }

    /** A projected grid (UTM 13N) of 10 m cells. */
    static RasterGrid grid10m(int columns, int rows) {
        return new RasterGrid(columns, rows, 350000, 3960000, 10, 10, "EPSG:26913", null, false, 6378137.0, 298.257222101);
    }

    /** A sloping surface with a wide closed bowl in the middle and small random pits. */
    static float[] depression(int columns, int rows) {
        Random random = new Random(1);
        float[] z = new float[columns * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double dx = x - columns / 2.0;
                double dy = y - rows / 2.0;
                double bowl = -30 * Math.exp(-(dx * dx + dy * dy) / (0.08 * columns * rows));
                z[y * columns + x] = (float) (1000 + 0.3 * x + 0.1 * y + bowl + random.nextDouble() * 0.5);
            }
        }
        return z;
    }

    /** A plane falling to the west with a rectangle of exactly equal elevation (a flat) across tile borders. */
    static float[] flat(int columns, int rows) {
        float[] z = new float[columns * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                boolean inFlat = x > columns / 5 && x < 4 * columns / 5 && y > rows / 5 && y < 4 * rows / 5;
                z[y * columns + x] = inFlat ? 2500.0f : (float) (2500 + 0.2 * (x - columns / 5) + 0.01 * y);
            }
        }
        return z;
    }

    /** A valley falling to the south whose river meanders across many tiles, with noise and NoData holes. */
    static float[] river(int columns, int rows) {
        Random random = new Random(7);
        float[] z = new float[columns * rows];
        for (int y = 0; y < rows; y++) {
            double centre = columns / 2.0 + columns / 3.0 * Math.sin(2 * Math.PI * y / (rows / 3.0));
            for (int x = 0; x < columns; x++) {
                z[y * columns + x] = (float) (500 + 0.4 * (rows - y) + 0.8 * Math.abs(x - centre) + random.nextDouble());
            }
        }
        for (int y = rows / 4; y < rows / 4 + 3; y++) {
            for (int x = 5; x < 9; x++) {
                z[y * columns + x] = Float.NaN;
            }
        }
        return z;
    }
}
