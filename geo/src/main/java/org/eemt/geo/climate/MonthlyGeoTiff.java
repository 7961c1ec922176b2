package org.eemt.geo.climate;

import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * Monthly climate and reference elevations as GeoTIFF, in any CRS: twelve bands, one per month
 * (Daymet NetcdfSubset extracts converted by GDAL or daymetr, a WorldClim variable in one file),
 * or one band (a month of a WorldClim stack, Daymet's 1 km DEM for {@code --climate-elevation}).
 * On a Lambert conformal conic CRS (Daymet's, whose GeoTIFFs may count in km) the grid is returned
 * in metres. Values come back as stored (NoData as NaN); the caller knows their units.
 */
public final class MonthlyGeoTiff {
    private MonthlyGeoTiff() {
    }

    /** The grid of the file; in metres on a Lambert conformal CRS. */
    public static RasterGrid grid(String location) {
        try (GeoTiffReader reader = GeoTiffReader.open(location)) {
            return normalised(reader.grid());
        }
    }

    /** The projection of a Daymet raster, or an exit-2 error when it is not Lambert conformal conic. */
    static LambertConformal daymetProjection(String location, RasterGrid grid) {
        LambertConformal projection = LambertConformal.fromCrs(grid.crs());
        if (projection == null) {
            throw EemtException.input(location, "is not on a Lambert conformal conic grid (its CRS is "
                    + (grid.crsCode() != null ? grid.crsCode() : "another projection") + "): not the Daymet CRS",
                    "give Daymet rasters on the Daymet grid (Lambert conformal conic, WGS 84 ellipsoid)");
        }
        return projection;
    }

    /** Twelve months (bands 1-12) of a monthly climate GeoTIFF on the cells of {@code window}. */
    static MonthlyGrid readMonths(String location, PixelWindow window) {
        try (GeoTiffReader reader = GeoTiffReader.open(location)) {
            RasterGrid grid = normalised(reader.grid());
            if (reader.bands() != 12) {
                throw EemtException.input(location, "has " + reader.bands() + " bands, expected 12 (one per month)",
                        "give the monthly GeoTIFF of a whole year, or one single-band file per month");
            }
            float[][] months = new float[12][];
            for (int m = 0; m < 12; m++) {
                months[m] = reader.read(window, m);
            }
            return new MonthlyGrid(grid.window(window), months);
        }
    }

    /** Band 1 of a GeoTIFF (a month of a stack, a reference elevation in m) on the cells of {@code window}. */
    static float[] readBand1(String location, PixelWindow window) {
        try (GeoTiffReader reader = GeoTiffReader.open(location)) {
            return reader.read(window);
        }
    }

    private static RasterGrid normalised(RasterGrid grid) {
        LambertConformal projection = LambertConformal.fromCrs(grid.crs());
        if (projection == null) {
            return grid;
        }
        double m = LambertConformal.metresPerAxisUnit(grid.crs());
        return RasterGrid.of(grid.columns(), grid.rows(), grid.originX() * m, grid.originY() * m,
                grid.cellWidth() * m, grid.cellHeight() * m, projection.crs());
    }
}
