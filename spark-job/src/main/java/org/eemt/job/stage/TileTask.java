package org.eemt.job.stage;

import java.io.IOException;
import java.io.Serializable;
import org.eemt.job.plan.TileKey;

/**
 * The work of a stage on one tile, run on an executor: what every stage that maps over tiles
 * hands to {@link StageContext#forEachTile} (making work tiles, {@code T} the tile's summary) or
 * {@link StageContext#mapTiles} (a per-tile result the driver combines, e.g. the DEM's highest
 * elevation).
 *
 * @param <T> the tile's result
 */
@FunctionalInterface
public interface TileTask<T> extends Serializable {
    T run(TileKey key) throws IOException;
}
