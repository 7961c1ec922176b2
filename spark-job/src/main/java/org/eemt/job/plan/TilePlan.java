package org.eemt.job.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.raster.TileGrid;

/**
 * The tiling of a run's DEM, made on the driver from its metadata alone: the DEM's {@link TileGrid}
 * of square tiles of {@code tileSize} cells (the last row and column of tiles may be smaller),
 * addressed by {@link TileKey}. A stage reads each tile's core plus the halo it needs, clipped at
 * the DEM's edge.
 */
public record TilePlan(RasterGrid dem, int tileSize) implements Serializable {

    public TilePlan {
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be positive: " + tileSize);
        }
    }

    /** The tiles as numbered row-major from 0 (tile {@code id} is {@link #key key(id)}). */
    public TileGrid grid() {
        return new TileGrid(dem.columns(), dem.rows(), tileSize, tileSize);
    }

    public int tileRows() {
        return grid().tileRows();
    }

    public int tileColumns() {
        return grid().tileColumns();
    }

    public int tileCount() {
        return grid().tileCount();
    }

    /** All tiles, row-major. */
    public List<TileKey> keys() {
        List<TileKey> keys = new ArrayList<>(tileCount());
        for (int id = 0; id < tileCount(); id++) {
            keys.add(key(id));
        }
        return keys;
    }

    /** The key of tile {@code id} of the {@link #grid grid}. */
    public TileKey key(int id) {
        return new TileKey(id / tileColumns(), id % tileColumns());
    }

    /** The cells a tile owns. */
    public PixelWindow core(TileKey key) {
        return grid().core(key.row() * tileColumns() + key.col());
    }

    /** The tile's core grown by {@code halo} cells, clipped at the DEM's edge. */
    public PixelWindow withHalo(TileKey key, int halo) {
        return core(key).expandClipped(halo, dem.columns(), dem.rows());
    }
}
