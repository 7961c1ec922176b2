package org.eemt.job.stage;

import java.io.IOException;
import java.util.List;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.outputs.Product;

/**
 * One step of the pipeline (terrain, solar, wetness index, climate, EEMT), built by the pipeline with its
 * own parameters.
 *
 * <p>A stage declares the products it reads (made by other stages, {@link ProductCatalog}) and
 * the products it writes (and the {@link WorkFile}s, values that are not rasters); the pipeline orders the stages from these declarations and checks,
 * before Spark starts, that every product a stage reads is written by a stage that runs before it.
 * It then asks each stage to make only those of its products not already finished, and publishes
 * them. A stage writes its tiles with {@link StageContext#store()} and reads its inputs there too.
 */
public interface Stage {

    /** Short name: what {@code --products} selects and what the logs, progress line and manifest show. */
    String name();

    /** The products of other stages this one reads (none for a stage that reads only the DEM). */
    List<Product> reads();

    /** The products this stage makes (none, e.g. EEMT without climate, is allowed). */
    List<Product> writes();

    /** The work files of other stages this one reads (values that are not rasters, {@link WorkFile}). */
    default List<WorkFile<?>> readsWork() {
        return List.of();
    }

    /**
     * The work files this stage writes. A stage that writes only work files runs when a stage
     * reading them has products to make.
     */
    default List<WorkFile<?>> writesWork() {
        return List.of();
    }

    /**
     * The checks of this stage's parameters against the DEM ({@code demLocation} as the user gave
     * it, and its grid) that need no Spark (tools it starts, inputs it opens): a bad one is a
     * one-line input or environment error before any product is written. Nothing to check by default.
     */
    default void check(String demLocation, RasterGrid dem) {
    }

    /** Makes every product of {@code wanted} (a subset of {@link #writes}) as work tiles. */
    void run(StageContext context, List<Product> wanted) throws IOException;
}
