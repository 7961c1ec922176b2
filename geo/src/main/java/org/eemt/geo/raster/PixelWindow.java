package org.eemt.geo.raster;

import java.io.Serializable;

/**
 * A rectangle of cells in a raster's pixel coordinates: column {@code x0} and row {@code y0} of its
 * upper-left cell (row 0 is the raster's first, northern-most row), {@code width} columns and
 * {@code height} rows.
 */
public record PixelWindow(int x0, int y0, int width, int height) implements Serializable {

    public PixelWindow {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative window size " + width + "x" + height);
        }
    }

    /** This window grown by {@code halo} cells on every side, then clipped to a {@code columns x rows} raster. */
    public PixelWindow expandClipped(int halo, int columns, int rows) {
        int ax = Math.max(0, x0 - halo);
        int ay = Math.max(0, y0 - halo);
        int bx = Math.min(columns, x0 + width + halo);
        int by = Math.min(rows, y0 + height + halo);
        return new PixelWindow(ax, ay, bx - ax, by - ay);
    }

    public long cells() {
        return (long) width * height;
    }

    /** Index of raster cell (column, row) in a row-major array covering this window. */
    public int index(int column, int row) {
        return (row - y0) * width + (column - x0);
    }

    /** The cells of {@code inner} (which lies inside this window) out of {@code data}, row-major, as {@code float}. */
    public float[] crop(double[] data, PixelWindow inner) {
        float[] out = new float[inner.width * inner.height];
        for (int r = 0; r < inner.height; r++) {
            int from = index(inner.x0, inner.y0 + r);
            for (int c = 0; c < inner.width; c++) {
                out[r * inner.width + c] = (float) data[from + c];
            }
        }
        return out;
    }
}
