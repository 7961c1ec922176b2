package org.eemt.job.pipeline;

import java.io.IOException;
import java.util.List;
import org.eemt.job.cli.RunOptions;
import org.eemt.job.outputs.Product;

/**
 * One step of the pipeline (plan → terrain → solar → hydrology → climate → eemt → outputs).
 *
 * <p>A stage declares the products it can make; the {@link Pipeline} asks it to make only those
 * not already finished, then publishes them. A stage writes its tiles with
 * {@link StageContext#store()} and reads the products of the stages it depends on there too.
 */
public interface Stage {

    /** Short name: what {@code --products} selects and what the logs, progress line and manifest show. */
    String name();

    /** Names of the stages whose products this one reads. */
    List<String> dependsOn();

    /** The products this stage makes for these options. */
    List<Product> products(RunOptions options);

    /** Makes every product of {@code wanted} (a subset of {@link #products}) as work tiles. */
    void run(StageContext context, List<Product> wanted) throws IOException;
}
