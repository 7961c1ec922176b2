package org.eemt.job.outputs;

import java.io.Serializable;
import org.eemt.job.plan.TileKey;

/** What a tile task reports to the driver: the tile, its valid DEM cells, and the seconds it took. */
public record TileSummary(TileKey key, long validCells, double seconds) implements Serializable {
}
