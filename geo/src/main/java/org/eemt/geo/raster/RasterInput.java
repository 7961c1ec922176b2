package org.eemt.geo.raster;

/**
 * A raster the project reads windows of: one GeoTIFF ({@link GeoTiffReader}) or a mosaic of
 * GeoTIFF tiles ({@link MosaicReader}: a GDAL VRT, a directory of tiles or a comma list of tiles).
 * Values are elevations (or any band-1 quantity) as the files store them; NoData is NaN.
 */
public interface RasterInput extends AutoCloseable {

    /**
     * Opens a GeoTIFF, or a mosaic when {@code location} is a {@code .vrt}, a directory or a comma
     * list ({@link Mosaic#open}). The caller closes it.
     */
    static RasterInput open(String location) {
        return Mosaic.isMosaic(location) ? new MosaicReader(Mosaic.open(location)) : GeoTiffReader.open(location);
    }

    /** The grid of a GeoTIFF or of a mosaic, whose every source is checked ({@link Mosaic#checked}). */
    static RasterGrid readGrid(String location) {
        return Mosaic.isMosaic(location) ? Mosaic.open(location).checked().grid() : GeoTiffReader.readGrid(location);
    }

    RasterGrid grid();

    /** A window (inside the raster) row-major as {@code float}; NoData is NaN. */
    float[] read(PixelWindow window);

    /** A window (inside the raster) row-major in full precision; NoData is NaN. */
    double[] readDoubles(PixelWindow window);

    @Override
    void close();
}
