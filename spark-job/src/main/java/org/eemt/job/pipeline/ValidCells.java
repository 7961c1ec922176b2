package org.eemt.job.pipeline;

import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterInput;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.stage.StageContext;

/**
 * Counts the DEM band's valid cells and the cells that hold an elevation no DEM holds (not finite,
 * or outside {@link GeoTiffReader#plausibleElevation}'s range: read as NoData), and finds the highest
 * valid elevation (m; −∞ without valid cells), one task per tile ({@link StageContext#mapTiles}), so the
 * driver never reads the DEM.
 */
record ValidCells(long valid, long implausible, double highestMetres) {

    static ValidCells count(StageContext context) {
        String demLocation = context.demLocation();
        int band = context.band();
        TilePlan plan = context.plan();
        long valid = 0;
        long implausible = 0;
        double highest = Double.NEGATIVE_INFINITY;
        for (ValidCells tile : context.mapTiles("plan: count valid DEM cells", key -> {
            float[] cells;
            try (RasterInput reader = RasterInput.openBand(demLocation, band)) {
                cells = reader.read(plan.core(key)); // raw values: NoData (NaN) and implausible ones apart
            }
            long validInTile = 0;
            long implausibleInTile = 0;
            double highestInTile = Double.NEGATIVE_INFINITY;
            for (float z : cells) {
                if (GeoTiffReader.plausibleElevation(z)) {
                    validInTile++;
                    highestInTile = Math.max(highestInTile, z);
                } else if (!Float.isNaN(z)) {
                    implausibleInTile++;
                }
            }
            return new ValidCells(validInTile, implausibleInTile, highestInTile);
        })) {
            valid += tile.valid;
            implausible += tile.implausible;
            highest = Math.max(highest, tile.highestMetres);
        }
        return new ValidCells(valid, implausible, highest);
    }
}
