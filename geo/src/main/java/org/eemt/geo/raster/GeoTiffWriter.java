package org.eemt.geo.raster;

import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.image.BandedSampleModel;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferDouble;
import java.awt.image.DataBufferFloat;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.Transparency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.image.PlanarImage;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.Compression;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.apache.sis.storage.DataStores;
import org.eemt.geo.storage.Storage;

/**
 * Writes one band of {@code float} cells as the project's product format: a Float32 GeoTIFF,
 * deflate-compressed, internally tiled ({@value #TILE} x {@value #TILE}), NoData NaN declared in
 * the {@code GDAL_NODATA} tag, georeferenced exactly as the {@link RasterGrid} says.
 *
 * <p>The file is written to local scratch with Apache SIS, the NoData tag is added, and the result
 * is published atomically to its location on any Hadoop file system ({@link Storage#publish}).
 * {@link #writeLocal(RasterGrid, double[], Path)} writes Float64 the same way, for inputs of
 * external tools that must see a DEM's full precision.
 */
public final class GeoTiffWriter {
    /** Internal tile size in cells. */
    static final int TILE = 256;

    private GeoTiffWriter() {
    }

    /** Writes {@code cells} (row-major, {@code grid.columns() x grid.rows()}) to {@code location}. */
    public static void write(RasterGrid grid, float[] cells, String location) throws IOException {
        if (cells.length != grid.cells()) {
            throw new IllegalArgumentException(cells.length + " cells for a grid of " + grid.cells());
        }
        Path local = Files.createTempFile("eemt-", ".tif");
        try {
            writeLocal(grid, cells, local);
            Storage.publish(local, location);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** Writes a local GeoTIFF file (replacing it). */
    public static void writeLocal(RasterGrid grid, float[] cells, Path file) throws IOException {
        writeLocal(grid, new TiledImage(grid.columns(), grid.rows(), DataBuffer.TYPE_FLOAT, cells), file);
    }

    /** Writes a local Float64 GeoTIFF file (replacing it). */
    public static void writeLocal(RasterGrid grid, double[] cells, Path file) throws IOException {
        if (cells.length != grid.cells()) {
            throw new IllegalArgumentException(cells.length + " cells for a grid of " + grid.cells());
        }
        writeLocal(grid, new TiledImage(grid.columns(), grid.rows(), DataBuffer.TYPE_DOUBLE, cells), file);
    }

    private static void writeLocal(RasterGrid grid, TiledImage image, Path file) throws IOException {
        Files.deleteIfExists(file);
        Matrix3 gridToCrs = new Matrix3(
                grid.cellWidth(), 0, grid.originX(),
                0, -grid.cellHeight(), grid.originY(),
                0, 0, 1);
        CoordinateReferenceSystem crs = grid.crs();
        CoordinateReferenceSystem northFirst = northFirstEpsgCrs(grid);
        if (northFirst != null) {
            // Written as the EPSG CRS itself (latitude or northing first, e.g. EPSG:4326, 3035) so that
            // readers see its code: (column, row) -> (north, east).
            crs = northFirst;
            gridToCrs = new Matrix3(
                    0, -grid.cellHeight(), grid.originY(),
                    grid.cellWidth(), 0, grid.originX(),
                    0, 0, 1);
        }
        GridGeometry domain = new GridGeometry(new GridExtent(grid.columns(), grid.rows()),
                PixelInCell.CELL_CORNER, MathTransforms.linear(gridToCrs), crs);
        StorageConnector connector = new StorageConnector(file);
        connector.setOption(Compression.OPTION_KEY, Compression.DEFLATE);
        try (GeoTiffStore store = (GeoTiffStore) DataStores.openWritable(connector, "GeoTIFF")) {
            store.append(image, domain, null);
        } catch (DataStoreException e) {
            throw new IOException("cannot write GeoTIFF " + file + ": " + e.getMessage(), e);
        }
        GdalNoDataTag.append(file, "nan");
    }

    /** The grid's EPSG CRS as the database defines it when its first axis points north, else null. */
    private static CoordinateReferenceSystem northFirstEpsgCrs(RasterGrid grid) throws IOException {
        if (grid.crsCode() == null || !grid.crsCode().startsWith("EPSG:")) {
            return null;
        }
        try {
            CoordinateReferenceSystem crs = CRS.forCode(grid.crsCode());
            return crs.getCoordinateSystem().getAxis(0).getDirection() == org.opengis.referencing.cs.AxisDirection.NORTH ? crs : null;
        } catch (org.opengis.util.FactoryException e) {
            throw new IOException("cannot build " + grid.crsCode() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A read-only single-band float or double image over a row-major array, cut into {@value #TILE}-cell
     * square tiles; an image that fits in one tile is one tile of its own size (SIS 1.6 writes a
     * single tile as one block of the image's size and would otherwise mix the padding in).
     */
    private static final class TiledImage extends PlanarImage {
        private final int width;
        private final int height;
        private final int dataType;
        private final Object cells;
        private final int tileWidth;
        private final int tileHeight;
        private final SampleModel tileModel;
        private final ColorModel colorModel;

        /** {@code cells}: a {@code float[]} for {@link DataBuffer#TYPE_FLOAT}, a {@code double[]} for {@link DataBuffer#TYPE_DOUBLE}. */
        TiledImage(int width, int height, int dataType, Object cells) {
            this.width = width;
            this.height = height;
            this.dataType = dataType;
            this.cells = cells;
            this.colorModel = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE, dataType);
            boolean oneTile = width <= TILE && height <= TILE;
            this.tileWidth = oneTile ? width : TILE;
            this.tileHeight = oneTile ? height : TILE;
            this.tileModel = new BandedSampleModel(dataType, tileWidth, tileHeight, 1);
        }

        @Override
        public ColorModel getColorModel() {
            return colorModel;
        }

        @Override
        public SampleModel getSampleModel() {
            return tileModel;
        }

        @Override
        public int getWidth() {
            return width;
        }

        @Override
        public int getHeight() {
            return height;
        }

        @Override
        public int getTileWidth() {
            return tileWidth;
        }

        @Override
        public int getTileHeight() {
            return tileHeight;
        }

        @Override
        public Raster getTile(int tileX, int tileY) {
            int n = tileWidth * tileHeight;
            Object tile = dataType == DataBuffer.TYPE_FLOAT ? new float[n] : new double[n];
            if (tile instanceof float[] f) {
                java.util.Arrays.fill(f, Float.NaN);
            } else {
                java.util.Arrays.fill((double[]) tile, Double.NaN);
            }
            int x0 = tileX * tileWidth;
            int y0 = tileY * tileHeight;
            int w = Math.min(tileWidth, width - x0);
            int h = Math.min(tileHeight, height - y0);
            for (int r = 0; r < h; r++) {
                System.arraycopy(cells, (y0 + r) * width + x0, tile, r * tileWidth, w);
            }
            DataBuffer buffer = tile instanceof float[] f ? new DataBufferFloat(f, n) : new DataBufferDouble((double[]) tile, n);
            return Raster.createWritableRaster(tileModel, buffer, new Point(x0, y0));
        }
    }
}
