package org.eemt.job.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuicklookTest {

    @Test
    void blockMeansDoNotDependOnHowTheGridIsCutIntoTiles() {
        int columns = 23;
        int rows = 17;
        float[] grid = new float[columns * rows];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i % 5 == 0 ? Float.NaN : i * 0.5f;
        }
        int block = 4;
        Quicklook whole = Quicklook.of(columns, rows, block);
        whole.add(Quicklook.blocksOf(grid, 0, 0, columns, rows, block));
        Quicklook tiled = Quicklook.of(columns, rows, block);
        int tile = 7; // not a multiple of the block: blocks straddle tiles
        for (int y0 = 0; y0 < rows; y0 += tile) {
            for (int x0 = 0; x0 < columns; x0 += tile) {
                int w = Math.min(tile, columns - x0);
                int h = Math.min(tile, rows - y0);
                float[] part = new float[w * h];
                for (int r = 0; r < h; r++) {
                    System.arraycopy(grid, (y0 + r) * columns + x0, part, r * w, w);
                }
                tiled.add(Quicklook.blocksOf(part, x0, y0, w, h, block));
            }
        }
        assertEquals(6, whole.width());
        assertEquals(5, whole.height());
        assertArrayEquals(whole.values(), tiled.values(), 1e-9);
        // block (1, 0): columns 4..7, rows 0..3, by hand
        double sum = 0;
        int n = 0;
        for (int r = 0; r < 4; r++) {
            for (int c = 4; c < 8; c++) {
                if (!Float.isNaN(grid[r * columns + c])) {
                    sum += grid[r * columns + c];
                    n++;
                }
            }
        }
        assertEquals(sum / n, whole.value(1, 0), 1e-9);
        assertEquals(1, Quicklook.blockSizeFor(228, 211, 600));
        assertEquals(4, Quicklook.blockSizeFor(1500, 900, 600));
        assertEquals(2, Quicklook.blockSizeFor(1110, 694, 600));
        assertEquals(8, Quicklook.blockSizeFor(4788, 2572, 600));
        assertEquals(0, Arrays.stream(whole.values()).filter(Double::isNaN).count());
    }

    @Test
    void monthlyProductsAreRecognisedByTheirMonthAndGroupedBySeries() {
        org.eemt.job.outputs.Product sTopo = new org.eemt.job.outputs.Product("global/monthly/total_sun_mar_sum", "Wh m-2 month-1", "");
        org.eemt.job.outputs.Product eemt = new org.eemt.job.outputs.Product("eemt/EEMT_Topo_dec_2001", "MJ m-2 month-1", "");
        org.eemt.job.outputs.Product annual = new org.eemt.job.outputs.Product("eemt/annual/EEMT_Topo_2001", "MJ m-2 yr-1", "");
        assertEquals(2, RunReport.month(sTopo));
        assertEquals("total_sun_sum", RunReport.series(sTopo));
        assertEquals(11, RunReport.month(eemt));
        assertEquals("EEMT_Topo_2001", RunReport.series(eemt));
        assertEquals(-1, RunReport.month(annual));
        assertEquals(-1, RunReport.month(new org.eemt.job.outputs.Product("terrain/mcwi", "1", "")));
    }
}
