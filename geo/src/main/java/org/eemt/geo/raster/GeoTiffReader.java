package org.eemt.geo.raster;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.SimpleFormatter;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.event.WarningEvent;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;
import org.opengis.referencing.operation.Matrix;
import org.opengis.referencing.operation.MathTransform;

/**
 * Reads a GeoTIFF: the grid ({@link RasterGrid}) from the metadata alone with Apache SIS, and any
 * window of cells of band 1 as {@code float} values with NoData turned into NaN ({@link TiffCells}).
 * A DEM opened with {@link #openDem} reads its chosen band, and elevations that no DEM holds (not
 * finite, or outside {@value #LOWEST_ELEVATION_METRES} … {@value #HIGHEST_ELEVATION_METRES} m: the Dead
 * Sea shore is at −430 m, Everest at 8 849 m) are NoData too: {@code inf}, {@code 1e30} or an untagged
 * −9999 fill.
 *
 * <p>Values are the file's raw samples; the NoData value comes from the {@code GDAL_NODATA} tag
 * ({@link TiffCells#noData}). The file may live on any Hadoop file system. Problems with the file are
 * reported as {@link EemtException#input} naming the file.
 */
public final class GeoTiffReader implements RasterInput {
    /** The look-up {@link #lookUpCrsAhead} started, until a reader has waited for it. */
    private static volatile Thread crsLookUp;
    private final String location;
    private final SeekableByteChannel channel;
    private final GeoTiffStore store;
    private final GridCoverageResource resource;
    private final RasterGrid grid;
    private final double noData;
    private final TiffCells cells;
    /** The band {@link #read(PixelWindow)} reads, 0-based. */
    private final int band;
    /** Whether implausible elevations are NoData ({@link #openDem}). */
    private final boolean dem;
    /** What SIS said while decoding the GeoTIFF keys (why a CRS could not be built, for instance). */
    private final List<String> warnings = new ArrayList<>();

    static {
        // The EPSG database is an embedded Derby database: keep Derby's log out of the working directory.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", System.getProperty("java.io.tmpdir") + "/eemt-derby.log");
        }
    }

    /** Lowest elevation (m) a DEM cell may hold; lower values are NoData. */
    public static final double LOWEST_ELEVATION_METRES = -500;
    /** Highest elevation (m) a DEM cell may hold; higher values are NoData. */
    public static final double HIGHEST_ELEVATION_METRES = 9000;

    private GeoTiffReader(String location, int band, boolean dem) {
        this.location = location;
        this.band = band;
        this.dem = dem;
        try {
            if (!Storage.exists(location)) {
                throw EemtException.input(location, "file not found", "check the path (plain paths, file://, hdfs:// and s3a:// are accepted)");
            }
            if (Storage.status(location).isDirectory()) {
                throw EemtException.input(location, "is a directory, not a GeoTIFF file", "give the path of a .tif file");
            }
            channel = Storage.openChannel(location);
        } catch (IOException e) {
            EemtException store = Storage.storeProblem(location, e);
            if (store != null) {
                throw store;
            }
            throw EemtException.input(location, "cannot be read (" + e.getMessage() + ")", "check the path and its permissions", e);
        }
        try {
            try {
                cells = TiffCells.first(channel);
            } catch (IOException e) {
                throw EemtException.input(location, "is not a GeoTIFF file (" + e.getMessage() + ")",
                        "give a GeoTIFF DEM (convert other formats with gdal_translate -of GTiff)", e);
            }
            noData = cells.noData();
            String unsupported = cells.unsupported();
            if (unsupported != null) {
                throw EemtException.input(location, "uses " + unsupported + ", which this reader does not decode",
                        "rewrite it with gdal_translate -ot Float32 -co COMPRESS=DEFLATE -co TILED=YES in.tif out.tif");
            }
            channel.position(0);
            awaitCrsLookUp();
            Path local = Storage.localFile(location);
            store = new GeoTiffStore(new GeoTiffStoreProvider(), new StorageConnector(local != null ? local : channel));
            store.addListener(WarningEvent.class, event -> warnings.add(new SimpleFormatter().formatMessage(event.getDescription()).replaceAll("\\.$", "")));
            resource = firstCoverage(store);
            grid = gridOf(resource.getGridGeometry());
        } catch (DataStoreException | IOException e) {
            closeQuietly();
            throw EemtException.input(location, "is not a readable GeoTIFF file (" + e.getMessage() + ")",
                    "give a GeoTIFF DEM (convert other formats with gdal_translate -of GTiff)", e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Starts looking up, on a daemon thread, the EPSG CRS that the GeoKeys of a GeoTIFF on the local disk name. The
     * first lookup in a JVM opens the EPSG database (seconds of a core); a reader opened meanwhile waits for it (two
     * threads asking Apache SIS at once would each query the database on a connection of their own), and later ones
     * find the CRS in SIS's cache. Other locations are left alone, and failures to the reader.
     */
    public static void lookUpCrsAhead(String location) {
        Path local;
        try {
            local = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return; // another file system's URI
        }
        if (!Files.isRegularFile(local)) {
            return;
        }
        Thread lookUp = new Thread(() -> {
            try (SeekableByteChannel channel = Files.newByteChannel(local)) {
                int code = TiffCells.first(channel).epsgCode();
                if (code != 0) {
                    CRS.forCode("EPSG:" + code);
                }
            } catch (Exception | LinkageError e) {
                // the reader opens the file itself and reports what is wrong with it, in one line
            }
        }, "eemt-crs-lookup");
        lookUp.setDaemon(true);
        crsLookUp = lookUp;
        lookUp.start();
    }

    private static void awaitCrsLookUp() {
        Thread lookUp = crsLookUp;
        if (lookUp != null) {
            try {
                lookUp.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            crsLookUp = null;
        }
    }

    /** Opens a GeoTIFF; the caller closes it. */
    public static GeoTiffReader open(String location) {
        return new GeoTiffReader(location, 0, false);
    }

    /**
     * Opens a DEM whose {@link #read(PixelWindow)} and {@link #readDoubles(PixelWindow)} read band
     * {@code band} (1-based) with implausible elevations as NoData; the caller closes it.
     */
    public static GeoTiffReader openDem(String location, int band) {
        return openBand(location, band, true);
    }

    /**
     * Opens a GeoTIFF whose {@link #read(PixelWindow)} and {@link #readDoubles(PixelWindow)} read band
     * {@code band} (1-based), with implausible elevations as NoData when {@code dem}; the caller closes it.
     */
    static GeoTiffReader openBand(String location, int band, boolean dem) {
        GeoTiffReader reader = new GeoTiffReader(location, band - 1, dem);
        if (band < 1 || band > reader.bands()) {
            reader.close();
            throw EemtException.input(location, "has no band " + band + " (it has " + reader.bands() + ")",
                    "choose a band from 1 to " + reader.bands() + " with --band");
        }
        return reader;
    }

    /** Whether an elevation (m) is one a DEM may hold: finite, within −500 … 9 000 m. */
    public static boolean plausibleElevation(double metres) {
        return metres >= LOWEST_ELEVATION_METRES && metres <= HIGHEST_ELEVATION_METRES;
    }

    /** Reads only the grid of a GeoTIFF (no cell values). */
    public static RasterGrid readGrid(String location) {
        try (GeoTiffReader r = open(location)) {
            return r.grid();
        }
    }

    public RasterGrid grid() {
        return grid;
    }

    /** The NoData value of the file (NaN when it has none, or when NoData is NaN). */
    public double noData() {
        return noData;
    }

    /** Reads a window (inside the raster) of band 1 (a DEM's band) row-major as {@code float}; NoData becomes NaN. */
    public float[] read(PixelWindow window) {
        return toFloats(readDoubles(window));
    }

    /** Reads a window (inside the raster) of one band (0-based) row-major as {@code float}; NoData becomes NaN. */
    public float[] read(PixelWindow window, int band) {
        return toFloats(readDoubles(window, band));
    }

    private static float[] toFloats(double[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) samples[i];
        }
        return out;
    }

    /** The number of bands (a Daymet NCSS monthly GeoTIFF has 12, one per month). */
    public int bands() {
        try {
            return resource.getSampleDimensions().size();
        } catch (DataStoreException e) {
            throw EemtException.input(location, "cannot list its bands (" + e.getMessage() + ")",
                    "check that the file is complete (gdalinfo -checksum)", e);
        }
    }

    /**
     * Reads a window (inside the raster) of band 1 (a DEM's band) row-major in full precision (a Float64 DEM keeps
     * its digits, which matter for the gradients of gentle slopes); NoData becomes NaN.
     */
    public double[] readDoubles(PixelWindow window) {
        double[] samples = readDoubles(window, band);
        if (dem) {
            for (int i = 0; i < samples.length; i++) {
                if (!plausibleElevation(samples[i])) {
                    samples[i] = Double.NaN;
                }
            }
        }
        return samples;
    }

    /** Reads a window (inside the raster) of one band (0-based) row-major in full precision; NoData becomes NaN. */
    public double[] readDoubles(PixelWindow window, int band) {
        if (window.cells() == 0) {
            return new double[0];
        }
        double[] samples;
        try {
            samples = cells.read(window, band);
        } catch (IOException | RuntimeException e) {
            throw EemtException.input(location, "cannot read band " + (band + 1) + ", cells " + window + " (" + e.getMessage() + ")",
                    "check that the file is complete (gdalinfo -checksum)", e);
        }
        return noDataAsNaN(samples, noData);
    }

    /** {@code samples} with every cell that holds {@code noData} (NaN: none) turned into NaN. */
    private static double[] noDataAsNaN(double[] samples, double noData) {
        if (!Double.isNaN(noData)) {
            float noDataAsFloat = (float) noData;
            for (int i = 0; i < samples.length; i++) {
                // compare in the file's precision too: a Float32 file stores -3.4e38 as the nearest float
                if (samples[i] == noData || (float) samples[i] == noDataAsFloat) {
                    samples[i] = Double.NaN;
                }
            }
        }
        return samples;
    }

    /**
     * The reduced-resolution image of a GeoTIFF whose cells each cover {@code factor} x {@code factor} cells of its first
     * image, as the overviews of a cloud-optimised GeoTIFF do: ⌈columns / factor⌉ x ⌈rows / factor⌉ cells of band 1,
     * row-major, NoData as NaN. The first image itself for {@code factor} 1; null when the file has no image of that size
     * or one this reader does not decode. Only that image's tiles are read, not the SIS metadata.
     */
    public static float[] readOverview(String location, int factor) {
        try (SeekableByteChannel channel = Storage.openChannel(location)) {
            TiffCells image = TiffCells.first(channel);
            int width = (image.width() + factor - 1) / factor;
            int height = (image.height() + factor - 1) / factor;
            while (image != null && (image.width() != width || image.height() != height)) {
                image = image.next();
            }
            if (image == null || image.unsupported() != null) {
                return null;
            }
            return toFloats(noDataAsNaN(image.read(new PixelWindow(0, 0, width, height), 0), image.noData()));
        } catch (IOException | RuntimeException e) {
            throw EemtException.input(location, "cannot be read (" + e.getMessage() + ")", "check that the file is complete (gdalinfo -checksum)", e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (store != null) {
                store.close();
            }
        } catch (DataStoreException e) {
            // nothing to recover
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to recover
        }
    }

    private GridCoverageResource firstCoverage(Aggregate aggregate) throws DataStoreException {
        for (Resource r : aggregate.components()) {
            if (r instanceof GridCoverageResource g) {
                return g;
            }
        }
        throw EemtException.input(location, "holds no raster image", "give a GeoTIFF DEM with one band of elevations");
    }

    private RasterGrid gridOf(GridGeometry gg) {
        String fix = "add the georeferencing, e.g. gdal_translate -a_srs EPSG:<code> -a_ullr <ulx> <uly> <lrx> <lry> in.tif out.tif";
        if (!gg.isDefined(GridGeometry.CRS) && gg.isDefined(GridGeometry.GRID_TO_CRS) && !warnings.isEmpty()) {
            throw EemtException.input(location, "has a coordinate reference system that cannot be understood ("
                            + String.join("; ", warnings) + ")",
                    "warp it to a CRS with an EPSG code, e.g. gdalwarp -t_srs EPSG:<code> -r bilinear " + location + " dem_epsg.tif");
        }
        if (!gg.isDefined(GridGeometry.CRS) || !gg.isDefined(GridGeometry.GRID_TO_CRS)) {
            throw EemtException.input(location, "has no georeferencing (no CRS or no pixel-to-map transform)", fix);
        }
        MercatorRefusal.check(location, gg);
        GridExtent extent = gg.getExtent();
        if (extent.getDimension() != 2) {
            throw EemtException.input(location, "is not a 2-D raster", "give a single-band 2-D GeoTIFF");
        }
        MathTransform gridToCrs = gg.getGridToCRS(PixelInCell.CELL_CORNER);
        Matrix m = MathTransforms.getMatrix(gridToCrs);
        if (m == null || m.getNumRow() != 3 || m.getElement(0, 1) != 0 || m.getElement(1, 0) != 0
                || !(m.getElement(0, 0) > 0) || !(m.getElement(1, 1) < 0)) {
            throw EemtException.input(location, "is not a north-up grid (rotated, flipped or non-affine georeferencing)",
                    "warp it to a north-up grid with gdalwarp");
        }
        long columns = extent.getSize(0);
        long rows = extent.getSize(1);
        if (extent.getLow(0) != 0 || extent.getLow(1) != 0) {
            throw EemtException.input(location, "has a grid that does not start at cell (0, 0)", "rewrite it with gdal_translate");
        }
        return RasterGrid.of(Math.toIntExact(columns), Math.toIntExact(rows),
                m.getElement(0, 2), m.getElement(1, 2), m.getElement(0, 0), -m.getElement(1, 1),
                gg.getCoordinateReferenceSystem());
    }
}
