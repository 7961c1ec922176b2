package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.SolarTile;

/**
 * The highest elevation of each block of 2^shift x 2^shift cells of a tile window (blocks aligned to
 * the DEM's pixel grid), +∞ for a block with a cell without data. Shadow marches use it to skip a
 * run of ray steps at once when even the highest cell around them could neither shade the cell nor
 * raise its horizon: an exact bound, so skipping never changes a result.
 */
final class BlockMaxima {
    private final int shift;
    private final int blockX0;
    private final int blockY0;
    private final int blocksWide;
    private final int blocksHigh;
    private final float[] maxima;

    BlockMaxima(SolarTile tile, int shift) {
        this.shift = shift;
        int x0 = tile.window().x0();
        int y0 = tile.window().y0();
        int w = tile.window().width();
        int h = tile.window().height();
        blockX0 = x0 >> shift;
        blockY0 = y0 >> shift;
        blocksWide = ((x0 + w - 1) >> shift) - blockX0 + 1;
        blocksHigh = ((y0 + h - 1) >> shift) - blockY0 + 1;
        maxima = new float[blocksWide * blocksHigh];
        java.util.Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
        float[] z = tile.elevation();
        for (int r = 0; r < h; r++) {
            int rowBase = (((y0 + r) >> shift) - blockY0) * blocksWide - blockX0;
            for (int c = 0; c < w; c++) {
                float v = z[r * w + c];
                int b = rowBase + ((x0 + c) >> shift);
                if (Float.isNaN(v)) {
                    maxima[b] = Float.POSITIVE_INFINITY;
                } else if (v > maxima[b]) {
                    maxima[b] = v;
                }
            }
        }
    }

    /** The highest elevation over DEM cells [column0, column1] x [row0, row1], which must lie in the window. */
    float max(int column0, int column1, int row0, int row1) {
        int bx0 = (column0 >> shift) - blockX0;
        int bx1 = (column1 >> shift) - blockX0;
        int by1 = (row1 >> shift) - blockY0;
        float max = Float.NEGATIVE_INFINITY;
        for (int by = (row0 >> shift) - blockY0; by <= by1; by++) {
            int base = by * blocksWide;
            for (int bx = bx0; bx <= bx1; bx++) {
                float v = maxima[base + bx];
                if (v > max) {
                    max = v;
                }
            }
        }
        return max;
    }
}
