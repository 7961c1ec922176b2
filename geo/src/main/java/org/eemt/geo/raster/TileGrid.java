package org.eemt.geo.raster;

import java.io.Serializable;
import org.eemt.geo.raster.PixelWindow;

/**
 * A DEM of {@code columns x rows} cells cut into tiles of {@code tileWidth x tileHeight} cells
 * (the last column and row of tiles may be smaller), numbered row-major from 0.
 */
public record TileGrid(int columns, int rows, int tileWidth, int tileHeight) implements Serializable {

    public TileGrid {
        if (columns < 1 || rows < 1 || tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("bad tiling " + columns + "x" + rows + " by " + tileWidth + "x" + tileHeight);
        }
    }

    public int tileColumns() {
        return (columns + tileWidth - 1) / tileWidth;
    }

    public int tileRows() {
        return (rows + tileHeight - 1) / tileHeight;
    }

    public int tileCount() {
        return tileColumns() * tileRows();
    }

    /** The cells of tile {@code id}. */
    public PixelWindow core(int id) {
        int x0 = (id % tileColumns()) * tileWidth;
        int y0 = (id / tileColumns()) * tileHeight;
        return new PixelWindow(x0, y0, Math.min(tileWidth, columns - x0), Math.min(tileHeight, rows - y0));
    }

    /** The tile that owns DEM cell (column, row). */
    public int tileOf(int column, int row) {
        return (row / tileHeight) * tileColumns() + column / tileWidth;
    }

    public boolean contains(int column, int row) {
        return column >= 0 && row >= 0 && column < columns && row < rows;
    }
}
