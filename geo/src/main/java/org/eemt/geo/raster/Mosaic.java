package org.eemt.geo.raster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.sis.util.Utilities;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;

/**
 * A DEM given as many GeoTIFF tiles on one grid: a GDAL VRT mosaic ({@code gdalbuildvrt} output,
 * read by {@link GdalVrt}), a directory of {@code .tif} tiles, or a comma list of tiles.
 *
 * <p>All sources share the CRS, the cell size and the cell alignment of the mosaic's grid; nothing
 * is resampled. Where several sources cover a cell, the last one in the list that has a value there
 * wins (as GDAL reads a {@code gdalbuildvrt} mosaic): a directory's tiles are listed by name. A
 * tile's NoData cells never hide another tile's values; in a VRT this holds for sources with a
 * {@code <NODATA>} value, as in GDAL. Cells no source covers are NoData.
 *
 * <p>{@link #open} reads only a VRT itself, so that a task can read its window from the few
 * sources it touches ({@link MosaicReader}); {@link #checked} opens every source's header to check
 * it (on the driver, once). A directory or list is checked when it is opened.
 */
public final class Mosaic {
    /** Cell offsets between tiles are whole numbers up to this fraction of a cell. */
    private static final double ALIGNMENT_TOLERANCE = 1e-6;
    /** Cell sizes of tiles agree up to this relative difference. */
    private static final double RESOLUTION_TOLERANCE = 1e-9;

    private final String location;
    private final Supplier<RasterGrid> gridOnDemand;
    private RasterGrid grid;
    private final List<MosaicSource> sources;
    private final double noData;
    private final boolean float32;
    private final boolean checked;

    /** {@code grid} is built when first asked for: reading cells needs no CRS. */
    Mosaic(String location, Supplier<RasterGrid> grid, List<MosaicSource> sources, double noData, boolean float32, boolean checked) {
        this.location = location;
        this.gridOnDemand = grid;
        this.sources = List.copyOf(sources);
        this.noData = noData;
        this.float32 = float32;
        this.checked = checked;
    }

    /** Whether {@code location} names a mosaic: a {@code .vrt} file, a directory, or a comma list. */
    public static boolean isMosaic(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (location.contains(",") || lower.endsWith(".vrt")) {
            return true;
        }
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            return false; // no storage round trip for the usual single GeoTIFF
        }
        try {
            return Storage.exists(location) && Storage.status(location).isDirectory();
        } catch (IOException e) {
            return false; // the GeoTIFF reader reports the unreadable location
        }
    }

    /** Opens a VRT (reading only the VRT), or a directory or comma list of tiles (reading and checking every tile's header). */
    public static Mosaic open(String location) {
        if (location.contains(",")) {
            List<String> tiles = Arrays.stream(location.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String t : tiles) {
                if (isMosaic(t)) {
                    throw EemtException.input(t, "is a VRT or a directory inside a comma list of tiles",
                            "list GeoTIFF tiles only (or give the VRT or the directory alone as --dem)");
                }
            }
            return ofTiles(location, tiles);
        }
        try {
            if (!Storage.exists(location)) {
                throw EemtException.input(location, "file not found", "check the path (plain paths, file://, hdfs:// and s3a:// are accepted)");
            }
            if (Storage.status(location).isDirectory()) {
                return ofTiles(location, tilesIn(location));
            }
            String text;
            try (InputStream in = Storage.open(location)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return GdalVrt.parse(location, text);
        } catch (IOException e) {
            throw EemtException.input(location, "cannot be read (" + e.getMessage() + ")", "check the path and its permissions", e);
        }
    }

    /** The mosaic's grid: geometry from the VRT or the tiles' union, CRS as the (first) source's file declares it. */
    public RasterGrid grid() {
        if (grid == null) {
            grid = gridOnDemand.get();
        }
        return grid;
    }

    /** The sources in reading order (a later one wins where they overlap). */
    public List<MosaicSource> sources() {
        return sources;
    }

    /** The NoData value of the VRT band (NaN when none): mosaicked cells equal to it are NoData. */
    double noData() {
        return noData;
    }

    /** Whether the VRT band is Float32 (GDAL then rounds Float64 sources to float). */
    boolean float32() {
        return float32;
    }

    /**
     * This mosaic with every source opened and checked: a GeoTIFF, found, with the mosaic's CRS, cell
     * size and cell alignment, its band and cells inside the file. The grid then carries the CRS as
     * the first source declares it, as a single-file run of the same cells would.
     */
    public Mosaic checked() {
        if (checked) {
            return this;
        }
        RasterGrid grid = grid();
        RasterGrid first = null;
        for (MosaicSource s : sources) {
            RasterGrid g = sourceGrid(location, s.location(), s.band());
            first = first == null ? g : first;
            checkOnGrid(location, "source " + s.location(), g, grid, s.target().x0() - s.source().x0(), s.target().y0() - s.source().y0());
            if (s.source().x0() < 0 || s.source().y0() < 0 || s.source().x0() + s.source().width() > g.columns()
                    || s.source().y0() + s.source().height() > g.rows()) {
                throw EemtException.input(location, "source " + s.location() + " has a SrcRect " + s.source() + " outside its "
                        + g.columns() + "x" + g.rows() + " cells", "rebuild the VRT from the tiles with gdalbuildvrt");
            }
        }
        if (first == null) {
            throw EemtException.input(location, "has no sources that cover its grid", "rebuild the VRT from the tiles with gdalbuildvrt");
        }
        RasterGrid onSourceCrs = RasterGrid.of(grid.columns(), grid.rows(), grid.originX(), grid.originY(),
                grid.cellWidth(), grid.cellHeight(), first.crs());
        return new Mosaic(location, () -> onSourceCrs, sources, noData, float32, true);
    }

    /** The mosaic as a GDAL VRT (source paths absolute), which {@link #open} reads back. */
    public String toVrt() {
        return GdalVrt.write(this);
    }

    /** SHA-256 over the sources' bytes and their placement on the grid: changes with any cell. */
    public String sha256() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((grid().describe() + " " + grid().originX() + " " + grid().originY() + " " + noData + " " + float32 + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (MosaicSource s : sources) {
                md.update((Storage.sha256(s.location()) + " " + s.band() + " " + s.source() + " " + s.target() + " "
                        + s.noDataTransparent() + " " + s.noData() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sources' total size in bytes. */
    public long bytes() throws IOException {
        long bytes = 0;
        for (MosaicSource s : sources) {
            bytes += Storage.status(s.location()).getLen();
        }
        return bytes;
    }

    /** The {@code .tif} files of a directory, by name (hidden files aside). */
    private static List<String> tilesIn(String directory) throws IOException {
        List<String> tiles = new ArrayList<>();
        for (String name : Storage.list(directory).stream().sorted().toList()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.startsWith(".") && !name.startsWith("_") && (lower.endsWith(".tif") || lower.endsWith(".tiff"))) {
                tiles.add(Storage.child(directory, name));
            }
        }
        if (tiles.isEmpty()) {
            throw EemtException.input(directory, "is a directory without .tif files",
                    "give a GeoTIFF, a GDAL VRT, or a directory of GeoTIFF tiles (.tif)");
        }
        return tiles;
    }

    /** The union grid of tiles that share CRS, cell size and alignment; each tile placed whole, in list order. */
    private static Mosaic ofTiles(String location, List<String> tiles) {
        if (tiles.isEmpty()) {
            throw EemtException.input(location, "lists no tiles", "give a comma list of GeoTIFF tiles");
        }
        List<RasterGrid> grids = new ArrayList<>();
        for (String t : tiles) {
            grids.add(GeoTiffReader.readGrid(t));
        }
        RasterGrid first = grids.get(0);
        for (int i = 0; i < tiles.size(); i++) { // every tile on the first tile's grid before the union is built
            checkOnGrid(tiles.get(i), "", grids.get(i), first, 0, 0);
        }
        double originX = Double.POSITIVE_INFINITY;
        double originY = Double.NEGATIVE_INFINITY;
        for (RasterGrid g : grids) {
            originX = Math.min(originX, g.originX());
            originY = Math.max(originY, g.originY());
        }
        long columns = 0;
        long rows = 0;
        long[][] offsets = new long[tiles.size()][];
        for (int i = 0; i < tiles.size(); i++) {
            RasterGrid g = grids.get(i);
            offsets[i] = new long[] {Math.round((g.originX() - originX) / first.cellWidth()), Math.round((originY - g.originY()) / first.cellHeight())};
            columns = Math.max(columns, offsets[i][0] + g.columns());
            rows = Math.max(rows, offsets[i][1] + g.rows());
        }
        if (columns > Integer.MAX_VALUE || rows > Integer.MAX_VALUE) {
            throw EemtException.input(location, "spans " + columns + "x" + rows + " cells, more than a raster can hold",
                    "give tiles of one region (the grid is the union of all tiles)");
        }
        List<MosaicSource> sources = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            RasterGrid g = grids.get(i);
            PixelWindow target = new PixelWindow((int) offsets[i][0], (int) offsets[i][1], g.columns(), g.rows());
            sources.add(new MosaicSource(tiles.get(i), 1, g.extent(), target, true, Double.NaN));
        }
        RasterGrid grid = RasterGrid.of((int) columns, (int) rows, originX, originY, first.cellWidth(), first.cellHeight(), first.crs());
        return new Mosaic(location, () -> grid, sources, Double.NaN, false, true);
    }

    /**
     * Checks that grid {@code g} of a file shares the CRS and the cell size of {@code mosaic} (the
     * first tile, or a VRT checked against its first source), and that its cell (0, 0) lies at a
     * whole cell offset from the mosaic's; with
     * {@code what} (a VRT source), that the offset is the one the VRT declares ({@code expected}).
     * Problems are reported on {@code subject}, naming {@code what} (empty: the subject itself).
     */
    private static void checkOnGrid(String subject, String what, RasterGrid g, RasterGrid mosaic, int expectedX, int expectedY) {
        String it = what.isEmpty() ? "" : what + " ";
        String fix = "put all tiles on one grid with gdalwarp -t_srs <CRS> -tr " + mosaic.cellWidth() + " " + mosaic.cellHeight()
                + " -tap (or mosaic them into one GeoTIFF with gdalwarp), then use them or gdalbuildvrt them";
        if (!sameCrs(mosaic, g)) {
            throw EemtException.input(subject, it + "has CRS " + crsName(g) + ", but the " + (what.isEmpty() ? "first tile" : "VRT")
                    + " has " + crsName(mosaic), fix);
        }
        if (Math.abs(g.cellWidth() - mosaic.cellWidth()) > RESOLUTION_TOLERANCE * mosaic.cellWidth()
                || Math.abs(g.cellHeight() - mosaic.cellHeight()) > RESOLUTION_TOLERANCE * mosaic.cellHeight()) {
            throw EemtException.input(subject, it + "has cells of " + g.cellWidth() + " x " + g.cellHeight()
                    + ", the mosaic " + mosaic.cellWidth() + " x " + mosaic.cellHeight(), fix);
        }
        double dx = (g.originX() - mosaic.originX()) / mosaic.cellWidth();
        double dy = (mosaic.originY() - g.originY()) / mosaic.cellHeight();
        long x = Math.round(dx);
        long y = Math.round(dy);
        if (Math.abs(dx - x) > ALIGNMENT_TOLERANCE || Math.abs(dy - y) > ALIGNMENT_TOLERANCE) {
            throw EemtException.input(subject, it + "is not aligned to the cells of the mosaic (offset by "
                    + String.format(Locale.ROOT, "%.3g x %.3g", dx - x, dy - y) + " cells)", fix);
        }
        if (!what.isEmpty() && (x != expectedX || y != expectedY)) {
            throw EemtException.input(subject, it + "lies at cell offset " + x + ", " + y + " by its georeferencing but the VRT places it at "
                    + expectedX + ", " + expectedY, "rebuild the VRT from the tiles with gdalbuildvrt");
        }
    }

    /** The grid of a VRT source, which must exist, be a GeoTIFF and have the band. */
    private static RasterGrid sourceGrid(String vrt, String source, int band) {
        String fix = "make every source a GeoTIFF (gdal_translate -of GTiff), then rebuild the VRT with gdalbuildvrt";
        try {
            if (!Storage.exists(source)) {
                throw EemtException.input(vrt, "source " + source + " not found",
                        "check that the tiles are there (relative paths count from the VRT's directory) or rebuild the VRT with gdalbuildvrt");
            }
        } catch (IOException e) {
            throw EemtException.input(vrt, "source " + source + " cannot be read (" + e.getMessage() + ")", "check the path and its permissions", e);
        }
        try (GeoTiffReader r = GeoTiffReader.open(source)) {
            if (band > r.bands()) {
                throw EemtException.input(vrt, "source " + source + " has no band " + band, "rebuild the VRT from the tiles with gdalbuildvrt");
            }
            return r.grid();
        } catch (EemtException e) {
            if (e.getMessage().startsWith(vrt + ":")) {
                throw e;
            }
            throw EemtException.input(vrt, "source " + source + " is not a usable GeoTIFF (" + e.getMessage() + ")", fix, e);
        }
    }

    static boolean sameCrs(RasterGrid a, RasterGrid b) {
        if (a.crsCode() != null && b.crsCode() != null) {
            return a.crsCode().equals(b.crsCode());
        }
        return Utilities.equalsIgnoreMetadata(a.crs(), b.crs());
    }

    private static String crsName(RasterGrid g) {
        return g.crsCode() != null ? g.crsCode() : "(from WKT) " + g.crs().getName().getCode();
    }
}
