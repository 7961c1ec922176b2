package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Written cells read back unchanged, for images smaller than one internal tile and larger ones. */
class GeoTiffWriterRoundTripTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"64, 40", "228, 211", "300, 280", "600, 100"})
    void cellsComeBackUnchanged(int columns, int rows, @TempDir Path dir) {
        RasterGrid grid = new RasterGrid(columns, rows, 350000, 3960000, 10, 10, "EPSG:26913", null, false,
                6378137.0, 298.257222101);
        float[] cells = new float[columns * rows];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i % 97 == 0 ? Float.NaN : i * 0.5f;
        }
        Path file = dir.resolve("t.tif");
        try {
            GeoTiffWriter.writeLocal(grid, cells, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            float[] back = r.read(grid.extent());
            for (int i = 0; i < cells.length; i++) {
                assertEquals(Float.floatToIntBits(cells[i]), Float.floatToIntBits(back[i]), "cell " + i);
            }
        }
    }
}
