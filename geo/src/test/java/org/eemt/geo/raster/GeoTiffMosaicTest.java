package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raster written from its tile files ({@link GeoTiffWriter#writeMosaic}) is the same file, byte for byte, as the raster
 * written whole: for tile sizes on which levels can be copied (512: full resolution and the first overview, with a corner
 * tile too small to store that overview; 1024: three levels), on which only full resolution can (256, 768), and on which
 * none can (300), and for a tile file in another layout (GDAL's striped GeoTIFF), which is read instead.
 */
class GeoTiffMosaicTest {
    @TempDir
    Path tmp;

    /** {columns, rows, tile size, levels copied}. */
    private static final int[][] CASES = {
            {1110, 694, 512, 2}, {300, 200, 512, 2}, {3, 3, 512, 1}, {2100, 1300, 1024, 3}, {1000, 700, 256, 1},
            {513, 257, 256, 1}, {1000, 700, 768, 1}, {1000, 700, 300, 0}};

    @Test
    void aRasterFromItsTileFilesIsTheRasterWrittenWhole() throws Exception {
        for (int[] c : CASES) {
            RasterGrid grid = grid(c[0], c[1]);
            float[] cells = cells(c[0], c[1]);
            String name = c[0] + "x" + c[1] + " in tiles of " + c[2];
            List<TileFile> tiles = writeTiles(grid, cells, c[2], name, false);
            assertEquals(c[3], CogEncoder.copiedLevels(grid, tiles), name + ": levels copied");
            assertSameFile(grid, cells, tiles, name);
        }
    }

    @Test
    void aTileFileInAnotherLayoutIsReadInstead() throws Exception {
        ExternalTool.require("gdal_translate");
        RasterGrid grid = grid(1110, 694);
        float[] cells = cells(1110, 694);
        List<TileFile> tiles = writeTiles(grid, cells, 512, "striped", true);
        assertEquals(0, CogEncoder.copiedLevels(grid, tiles), "a striped tile file: no level copied");
        assertSameFile(grid, cells, tiles, "one tile file striped by GDAL");
    }

    private void assertSameFile(RasterGrid grid, float[] cells, List<TileFile> tiles, String name) throws Exception {
        Path whole = tmp.resolve("whole.tif");
        Path mosaic = tmp.resolve("mosaic.tif");
        GeoTiffWriter.write(grid, cells, whole.toString(), "Global irradiation", "Wh m-2");
        GeoTiffWriter.writeMosaic(grid, tiles, mosaic.toString(), "Global irradiation", "Wh m-2");
        assertEquals(-1, Files.mismatch(whole, mosaic), name + ": the same bytes as the raster written whole");
    }

    /** The raster's tile files, as a tile plan cuts it (tiles of {@code size} from the top left); the second one GDAL's if asked. */
    private List<TileFile> writeTiles(RasterGrid grid, float[] cells, int size, String name, boolean secondByGdal) throws Exception {
        List<TileFile> tiles = new ArrayList<>();
        Path dir = Files.createDirectories(tmp.resolve(name.replace(' ', '_')));
        for (int y0 = 0; y0 < grid.rows(); y0 += size) {
            for (int x0 = 0; x0 < grid.columns(); x0 += size) {
                PixelWindow window = new PixelWindow(x0, y0, Math.min(size, grid.columns() - x0), Math.min(size, grid.rows() - y0));
                float[] part = new float[Math.toIntExact(window.cells())];
                for (int r = 0; r < window.height(); r++) {
                    System.arraycopy(cells, (y0 + r) * grid.columns() + x0, part, r * window.width(), window.width());
                }
                Path file = dir.resolve(x0 + "_" + y0 + ".tif");
                GeoTiffWriter.write(grid.window(window), part, file.toString(), "Global irradiation", "Wh m-2");
                if (secondByGdal && tiles.size() == 1) {
                    Path striped = dir.resolve(x0 + "_" + y0 + "_striped.tif");
                    ExternalTool.run(dir, List.of("gdal_translate", "-q", "-co", "TILED=NO", "-co", "COMPRESS=NONE", file.toString(), striped.toString()));
                    file = striped;
                }
                tiles.add(new TileFile(file.toString(), window));
            }
        }
        return tiles;
    }

    private static RasterGrid grid(int columns, int rows) throws Exception {
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        return new RasterGrid(columns, rows, dem.originX(), dem.originY(), dem.cellWidth(), dem.cellHeight(), dem.crsCode(),
                dem.crsWkt(), dem.geographic(), dem.semiMajorAxisMetres(), dem.inverseFlattening());
    }

    /** Distinct values (row and column both show), NaN in a scatter and in a block crossing tile edges. */
    private static float[] cells(int columns, int rows) {
        float[] cells = new float[columns * rows];
        for (int i = 0; i < cells.length; i++) {
            int x = i % columns;
            int y = i / columns;
            boolean hole = x >= columns / 3 && x < columns / 2 && y >= rows / 4 && y < rows / 2;
            cells[i] = hole || i % 13 == 7 ? Float.NaN : y * 1000.5f + x * 0.25f + (float) Math.sin(i);
        }
        return cells;
    }
}
