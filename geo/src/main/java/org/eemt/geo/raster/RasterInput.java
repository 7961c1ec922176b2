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

    /**
     * Opens a DEM: band {@code band} (1-based) of a GeoTIFF, or a mosaic (whose VRT chooses its
     * sources' bands; only band 1 may be asked for), with implausible elevations as NoData
     * ({@link GeoTiffReader#openDem}). The caller closes it.
     */
    static RasterInput openDem(String location, int band) {
        return open(location, band, true);
    }

    /** As {@link #openDem}, but with the band's values as stored (implausible elevations kept). */
    static RasterInput openBand(String location, int band) {
        return open(location, band, false);
    }

    private static RasterInput open(String location, int band, boolean dem) {
        if (!Mosaic.isMosaic(location)) {
            return GeoTiffReader.openBand(location, band, dem);
        }
        if (band != 1) {
            throw org.eemt.geo.EemtException.input(location, "is a mosaic, for which --band " + band + " cannot be chosen",
                    "build the mosaic from that band (gdalbuildvrt -b " + band + ") and leave --band at 1");
        }
        return new MosaicReader(Mosaic.open(location), dem);
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
