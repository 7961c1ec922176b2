package org.eemt.job.pipeline;

import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterInput;
import org.eemt.job.plan.TilePlan;

/**
 * Counts the DEM band's valid cells and the cells that hold an elevation no DEM holds (not finite,
 * or outside {@link GeoTiffReader#plausibleElevation}'s range: read as NoData), one task per tile,
 * so the driver never reads the DEM.
 */
record ValidCells(long valid, long implausible) {

    static ValidCells count(JavaSparkContext spark, String demLocation, int band, TilePlan plan) {
        spark.setJobDescription("plan: count valid DEM cells");
        return spark.parallelize(plan.keys(), plan.tileCount()).map(key -> {
            float[] cells;
            try (RasterInput reader = RasterInput.openBand(demLocation, band)) {
                cells = reader.read(plan.core(key)); // raw values: NoData (NaN) and implausible ones apart
            }
            long valid = 0;
            long implausible = 0;
            for (float z : cells) {
                if (GeoTiffReader.plausibleElevation(z)) {
                    valid++;
                } else if (!Float.isNaN(z)) {
                    implausible++;
                }
            }
            return new ValidCells(valid, implausible);
        }).reduce((a, b) -> new ValidCells(a.valid + b.valid, a.implausible + b.implausible));
    }
}
