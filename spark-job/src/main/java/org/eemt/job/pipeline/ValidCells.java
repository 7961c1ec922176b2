package org.eemt.job.pipeline;

import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterInput;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.stage.StageContext;

/**
 * Counts the DEM band's valid cells and the cells that hold an elevation no DEM holds (not finite,
 * or outside {@link GeoTiffReader#plausibleElevation}'s range: read as NoData), one task per tile
 * ({@link StageContext#mapTiles}), so the driver never reads the DEM.
 */
record ValidCells(long valid, long implausible) {

    static ValidCells count(StageContext context) {
        String demLocation = context.demLocation();
        int band = context.band();
        TilePlan plan = context.plan();
        long valid = 0;
        long implausible = 0;
        for (ValidCells tile : context.mapTiles("plan: count valid DEM cells", key -> {
            float[] cells;
            try (RasterInput reader = RasterInput.openBand(demLocation, band)) {
                cells = reader.read(plan.core(key)); // raw values: NoData (NaN) and implausible ones apart
            }
            long validInTile = 0;
            long implausibleInTile = 0;
            for (float z : cells) {
                if (GeoTiffReader.plausibleElevation(z)) {
                    validInTile++;
                } else if (!Float.isNaN(z)) {
                    implausibleInTile++;
                }
            }
            return new ValidCells(validInTile, implausibleInTile);
        })) {
            valid += tile.valid;
            implausible += tile.implausible;
        }
        return new ValidCells(valid, implausible);
    }
}
