package org.eemt.job.pipeline;

import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.RasterInput;
import org.eemt.job.plan.TilePlan;

/** Counts the DEM's valid (not NoData) cells, one task per tile, so the driver never reads the DEM. */
final class ValidCells {
    private ValidCells() {
    }

    static long count(JavaSparkContext spark, String demLocation, TilePlan plan) {
        spark.setJobDescription("plan: count valid DEM cells");
        return spark.parallelize(plan.keys(), plan.tileCount()).map(key -> {
            float[] cells;
            try (RasterInput reader = RasterInput.open(demLocation)) {
                cells = reader.read(plan.core(key));
            }
            long valid = 0;
            for (float z : cells) {
                if (!Float.isNaN(z)) {
                    valid++;
                }
            }
            return valid;
        }).reduce(Long::sum);
    }
}
