package org.eemt.geo.climate;

import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * Daymet rasters as GeoTIFF on the Daymet Lambert conformal conic grid: monthly climate with one
 * band per month (as NetcdfSubset extracts converted by GDAL or daymetr come, with coordinates in
 * km), and single-band reference elevations (the 1 km Daymet DEM, {@code --climate-elevation}).
 * The grid is returned in metres whatever the file's length unit; a CRS other than Lambert conic
 * conformal (2SP) is an exit-2 error.
 */
public final class DaymetGeoTiff {
    private DaymetGeoTiff() {
    }

    /** The grid of the file in metres of its Lambert conformal CRS. */
    public static RasterGrid grid(String location) {
        try (GeoTiffReader reader = GeoTiffReader.open(location)) {
            return gridInMetres(location, reader.grid());
        }
    }

    /** The projection of the file, or an exit-2 error when it is not Lambert conformal conic. */
    static LambertConformal projection(String location, RasterGrid grid) {
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
            RasterGrid grid = gridInMetres(location, reader.grid());
            if (reader.bands() != 12) {
                throw EemtException.input(location, "has " + reader.bands() + " bands, expected 12 (one per month)",
                        "give the monthly GeoTIFF of a whole year");
            }
            float[][] months = new float[12][];
            for (int m = 0; m < 12; m++) {
                months[m] = reader.read(window, m);
            }
            return new MonthlyGrid(grid.window(window), months);
        }
    }

    /** Band 1 of a single-band GeoTIFF (a reference elevation, m) on the cells of {@code window}. */
    static float[] readBand1(String location, PixelWindow window) {
        try (GeoTiffReader reader = GeoTiffReader.open(location)) {
            return reader.read(window);
        }
    }

    private static RasterGrid gridInMetres(String location, RasterGrid grid) {
        LambertConformal projection = projection(location, grid);
        double m = LambertConformal.metresPerAxisUnit(grid.crs());
        return RasterGrid.of(grid.columns(), grid.rows(), grid.originX() * m, grid.originY() * m,
                grid.cellWidth() * m, grid.cellHeight() * m, projection.crs());
    }
}
