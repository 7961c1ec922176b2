package org.eemt.job.pipeline;

import java.io.IOException;
import java.io.Serializable;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.plan.TileKey;

/** The work of one stage on one tile, run on an executor. */
@FunctionalInterface
public interface TileTask extends Serializable {
    TileSummary run(TileKey key) throws IOException;
}
