package org.eemt.job.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * The tiling of a DEM, made on the driver from its metadata alone: square tiles of
 * {@code tileSize} cells (the last row and column of tiles may be smaller), numbered row-major.
 * A stage reads each tile's core plus the halo it needs, clipped at the DEM's edge.
 */
public record TilePlan(RasterGrid dem, int tileSize) implements Serializable {

    public TilePlan {
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be positive: " + tileSize);
        }
    }

    public int tileRows() {
        return (dem.rows() + tileSize - 1) / tileSize;
    }

    public int tileColumns() {
        return (dem.columns() + tileSize - 1) / tileSize;
    }

    public int tileCount() {
        return tileRows() * tileColumns();
    }

    /** All tiles, row-major. */
    public List<TileKey> keys() {
        List<TileKey> keys = new ArrayList<>(tileCount());
        for (int r = 0; r < tileRows(); r++) {
            for (int c = 0; c < tileColumns(); c++) {
                keys.add(new TileKey(r, c));
            }
        }
        return keys;
    }

    /** The cells a tile owns. */
    public PixelWindow core(TileKey key) {
        int x0 = key.col() * tileSize;
        int y0 = key.row() * tileSize;
        return new PixelWindow(x0, y0, Math.min(tileSize, dem.columns() - x0), Math.min(tileSize, dem.rows() - y0));
    }

    /** The tile's core grown by {@code halo} cells, clipped at the DEM's edge. */
    public PixelWindow withHalo(TileKey key, int halo) {
        return core(key).expandClipped(halo, dem.columns(), dem.rows());
    }
}
