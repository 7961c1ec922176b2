package org.eemt.geo.raster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.storage.Storage;

/**
 * Writes one band of cells as the project's product format: a Cloud-Optimized GeoTIFF (Float32,
 * tiles of 256 cells, DEFLATE with the floating-point predictor, overviews once the image is
 * larger than one tile, NoData NaN, the band's description and unit in the GDAL metadata),
 * georeferenced exactly as the {@link RasterGrid} says. See {@link CogEncoder} for the layout.
 *
 * <p>The file is written to local scratch and published atomically to its location on any Hadoop
 * file system ({@link Storage#publish}). {@link #writeLocal(RasterGrid, double[], Path)} writes
 * Float64 the same way, for inputs of external tools that must see a DEM's full precision.
 */
public final class GeoTiffWriter {

    private GeoTiffWriter() {
    }

    /** Writes {@code cells} (row-major, {@code grid.columns() x grid.rows()}) to {@code location}. */
    public static void write(RasterGrid grid, float[] cells, String location) throws IOException {
        write(grid, cells, location, null, null);
    }

    /**
     * Writes {@code cells} (row-major, {@code grid.columns() x grid.rows()}) to {@code location}
     * with the band's {@code description} and {@code unit} (either may be null).
     */
    public static void write(RasterGrid grid, float[] cells, String location, String description, String unit) throws IOException {
        checkSize(grid.cells(), cells.length);
        Path local = Files.createTempFile("eemt-", ".tif");
        try {
            CogEncoder.write(grid, cells, description, unit, local);
            Storage.publish(local, location);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /**
     * Writes the raster of {@code grid} whose cells are in {@code tiles}, files this writer wrote (each the cells of its
     * window; the windows rows of tiles over the grid), to {@code location} with the band's {@code description} and
     * {@code unit} (either may be null): the same file as {@link #write(RasterGrid, float[], String, String, String)} of the
     * whole raster. The tiles' encoded tiles are copied where their windows are aligned on the file's tiles, else their
     * cells are read a strip of rows at a time; the raster is never held whole.
     */
    public static void writeMosaic(RasterGrid grid, List<TileFile> tiles, String location, String description, String unit)
            throws IOException {
        Path local = Files.createTempFile("eemt-", ".tif");
        try {
            CogEncoder.writeMosaic(grid, tiles, description, unit, local);
            Storage.publish(local, location);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** Writes a local Float32 GeoTIFF file (replacing it). */
    public static void writeLocal(RasterGrid grid, float[] cells, Path file) throws IOException {
        checkSize(grid.cells(), cells.length);
        CogEncoder.write(grid, cells, null, null, file);
    }

    /** Writes a local Float64 GeoTIFF file (replacing it). */
    public static void writeLocal(RasterGrid grid, double[] cells, Path file) throws IOException {
        checkSize(grid.cells(), cells.length);
        CogEncoder.write(grid, cells, null, null, file);
    }

    private static void checkSize(long expected, int cells) {
        if (cells != expected) {
            throw new IllegalArgumentException(cells + " cells where " + expected + " were expected");
        }
    }
}
