package org.eemt.geo.raster;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.eemt.geo.storage.Storage;

/**
 * Encodes one band of floating-point cells as a Cloud-Optimized GeoTIFF, the layout GDAL's COG
 * driver writes (GDAL "COG – Cloud Optimized GeoTIFF generator", https://gdal.org/drivers/raster/cog.html,
 * checked by GDAL's {@code validate_cloud_optimized_geotiff.py}):
 *
 * <ul>
 *   <li>TIFF 6.0 (BigTIFF when the file would pass 4 GiB), little-endian, tiles of {@value #TILE}
 *       cells, Float32 or Float64 ({@code SampleFormat} 3), DEFLATE (compression 8, zlib, level 1: twice as fast
 *       as GDAL's default level 6 for 4–8 % larger files, docs/performance.md) with the
 *       floating-point predictor 3 (Adobe, TIFF Technical Note 3: each tile row split into byte
 *       planes, most significant first, then differenced byte by byte);</li>
 *   <li>the "ghost" header {@code GDAL_STRUCTURAL_METADATA} right after the TIFF header
 *       ({@code LAYOUT=IFDS_BEFORE_DATA}, {@code BLOCK_ORDER=ROW_MAJOR},
 *       {@code BLOCK_LEADER=SIZE_AS_UINT4}, {@code BLOCK_TRAILER=LAST_4_BYTES_REPEATED}), then the
 *       image file directories (full resolution first, then the overviews from the largest), then
 *       the tiles: smallest overview first, full resolution last, each level row-major, each tile
 *       preceded by its size (uint32) and followed by a copy of its last 4 bytes;</li>
 *   <li>overviews halving the grid (ceil) until it fits in one tile, each cell the mean of the
 *       finite cells among the 2 x 2 it covers (NaN when none);</li>
 *   <li>NoData NaN in {@code GDAL_NODATA} (42113), the band's description and unit in
 *       {@code GDAL_METADATA} (42112), the georeferencing in GeoTIFF tags ({@link GeoKeys}).</li>
 * </ul>
 * Tiles past the image's right and bottom edges are padded with NaN.
 */
final class CogEncoder {
    /** Tile size in cells (GDAL's COG default). */
    static final int TILE = 256;
    private static final String GHOST = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL - (1 << 20);

    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int ASCII = 2;
    private static final int DOUBLE = 12;
    private static final int LONG8 = 16;

    private CogEncoder() {
    }

    /**
     * One level of the pyramid, encoded as its rows arrive: a band of {@value #TILE} rows is turned into
     * its tiles (each written to this level's scratch file with its size before and its last 4 bytes after,
     * as the final file holds them), and its rows, halved in pairs, are passed on to the next coarser level.
     * A level holds at most one band of rows, so a raster of any height is encoded in memory of a few
     * bands of its width.
     */
    private static final class Level implements AutoCloseable {
        final int width;
        final int height;
        private final int bytesPerSample;
        private final Level coarser;
        /** The band being filled: up to {@value #TILE} rows, row-major. */
        private final double[] band;
        private int bandRows;
        private int rowsReceived;
        private final Path scratch;
        private final OutputStream data;
        final List<Integer> tileBytes = new ArrayList<>();
        private final TileEncoder encoder;

        /** Whether this level's tiles are encoded from its rows (else they are {@link #addTile added} whole, or not kept). */
        private final boolean encodes;

        private Level(int width, int height, int bytesPerSample, Path directory, boolean encodes, boolean pyramid) throws IOException {
            this.width = width;
            this.height = height;
            this.bytesPerSample = bytesPerSample;
            this.encodes = encodes;
            this.band = pyramid ? new double[TILE * width] : null;
            this.encoder = new TileEncoder(bytesPerSample);
            this.scratch = Files.createTempFile(directory, ".cog-level-", ".bin");
            this.data = new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16);
            this.coarser = pyramid && (width > TILE || height > TILE)
                    ? new Level((width + 1) / 2, (height + 1) / 2, bytesPerSample, directory, true, true)
                    : null;
        }

        /** This level and the coarser ones down to one tile, each encoded from the rows this one {@link #accept accepts}. */
        static Level pyramid(int width, int height, int bytesPerSample, Path directory) throws IOException {
            return new Level(width, height, bytesPerSample, directory, true, true);
        }

        /** A level whose rows only make the coarser ones (its own tiles are not kept). */
        static Level aboveCoarser(int width, int height, Path directory) throws IOException {
            return new Level(width, height, 4, directory, false, true);
        }

        /** A Float32 level whose encoded tiles are {@link #addTile added}, row-major. */
        static Level ofTiles(int width, int height, Path directory) throws IOException {
            return new Level(width, height, 4, directory, true, false);
        }

        int tilesAcross() {
            return (width + TILE - 1) / TILE;
        }

        /** The number of levels from this one to the coarsest. */
        int depth() {
            return coarser == null ? 1 : 1 + coarser.depth();
        }

        Level coarser() {
            return coarser;
        }

        /** Takes the next {@code rows} rows ({@code cells}, row-major from {@code offset}). */
        void accept(double[] cells, int offset, int rows) throws IOException {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(cells, offset + r * width, band, bandRows * width, width);
                bandRows++;
                rowsReceived++;
                if (bandRows == TILE || rowsReceived == height) {
                    flushBand();
                }
            }
        }

        private void flushBand() throws IOException {
            for (int tx = 0; encodes && tx < tilesAcross(); tx++) {
                addTile(encoder.encode(band, width, bandRows, tx * TILE));
            }
            if (coarser != null) {
                coarser.accept(halved(band, width, bandRows, bytesPerSample), 0, (bandRows + 1) / 2);
            }
            bandRows = 0;
        }

        /** Appends the next tile (row-major), encoded, with its size before it and its last 4 bytes after. */
        void addTile(byte[] tile) throws IOException {
            ByteBuffer leader = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(tile.length);
            data.write(leader.array());
            data.write(tile);
            data.write(tile, tile.length - 4, 4);
            tileBytes.add(tile.length);
        }

        /** Bytes of this level's tiles in the final file, sizes and trailers included. */
        long dataBytes() {
            long bytes = 0;
            for (int t : tileBytes) {
                bytes += t + 8L;
            }
            return bytes;
        }

        /** Appends this level's encoded tiles to the final file. */
        void copyTo(OutputStream out) throws IOException {
            data.close();
            Files.copy(scratch, out);
        }

        @Override
        public void close() throws IOException {
            try {
                data.close();
                encoder.close();
                Files.deleteIfExists(scratch);
            } finally {
                if (coarser != null) {
                    coarser.close();
                }
            }
        }
    }

    /**
     * The {@code rows} rows of {@code width} cells in pairs, each cell the mean of the finite ones among the 2 x 2 it covers
     * (NaN when none), rounded to Float32 when {@code bytesPerSample} is 4.
     */
    private static double[] halved(double[] cells, int width, int rows, int bytesPerSample) {
        int w = (width + 1) / 2;
        int h = (rows + 1) / 2;
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = 2 * y; yy < Math.min(2 * y + 2, rows); yy++) {
                    for (int xx = 2 * x; xx < Math.min(2 * x + 2, width); xx++) {
                        double v = cells[yy * width + xx];
                        if (Double.isFinite(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
                double mean = n == 0 ? Double.NaN : sum / n;
                out[y * w + x] = bytesPerSample == 4 ? (float) mean : mean;
            }
        }
        return out;
    }

    /** Writes {@code cells} ({@code float[]} or {@code double[]}, row-major) to a local file, replacing it. */
    static void write(RasterGrid grid, Object cells, String description, String unit, Path file) throws IOException {
        int columns = grid.columns();
        RowStrips strips = cells instanceof float[] f
                ? (firstRow, rows) -> {
                    double[] d = new double[rows * columns];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = f[firstRow * columns + i];
                    }
                    return d;
                }
                : (firstRow, rows) -> Arrays.copyOfRange((double[]) cells, firstRow * columns, (firstRow + rows) * columns);
        write(grid, strips, cells instanceof float[] ? 4 : 8, description, unit, file);
    }

    /** Rows of a raster, delivered in order. */
    interface RowStrips {
        /** Rows {@code firstRow} to {@code firstRow + rows - 1}, row-major, NaN for NoData. */
        double[] read(int firstRow, int rows) throws IOException;
    }

    /**
     * Writes the rows {@code strips} gives, band of {@value #TILE} rows after band, as Float32
     * ({@code bytesPerSample} 4) or Float64 (8) to a local file, replacing it.
     */
    static void write(RasterGrid grid, RowStrips strips, int bytesPerSample, String description, String unit, Path file)
            throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        try (Level full = Level.pyramid(grid.columns(), grid.rows(), bytesPerSample, directory)) {
            for (int y = 0; y < grid.rows(); y += TILE) {
                int rows = Math.min(TILE, grid.rows() - y);
                full.accept(strips.read(y, rows), 0, rows);
            }
            List<Level> levels = new ArrayList<>();
            for (Level l = full; l != null; l = l.coarser()) {
                levels.add(l);
            }
            writeFile(grid, levels, bytesPerSample, description, unit, file);
        }
    }

    /**
     * Writes the Float32 raster of {@code grid} whose cells are in {@code tiles} (files this encoder wrote, each holding the
     * cells of its window; the windows a grid of rows of tiles over the raster) to a local file, replacing it: the same
     * bytes as {@link #write} of the whole raster. The levels on whose tiles the windows are aligned
     * ({@link #copiedLevels}) are copied from the files, tile by tile, still encoded (a level a file is too small to have
     * is computed from its previous one); only the coarser levels are encoded, from the last copied level's cells. Without
     * such alignment the cells are read and encoded.
     */
    static void writeMosaic(RasterGrid grid, List<TileFile> tiles, String description, String unit, Path file) throws IOException {
        int copied = copiedLevels(grid, tiles);
        if (copied == 0) {
            try (TileRows rows = new TileRows(grid, tiles)) {
                write(grid, rows, 4, description, unit, file);
            }
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        List<Level> levels = new ArrayList<>();
        Level aboveCoarser = null;
        try (TileEncoder encoder = new TileEncoder(4)) {
            for (int k = 0; k < copied; k++) {
                levels.add(Level.ofTiles(reduced(grid.columns(), k), reduced(grid.rows(), k), directory));
            }
            Level lastCopied = levels.get(copied - 1);
            if (lastCopied.width > TILE || lastCopied.height > TILE) {
                aboveCoarser = Level.aboveCoarser(lastCopied.width, lastCopied.height, directory);
            }
            for (List<TileFile> row : rowsOf(tiles)) {
                List<TileImages> images = new ArrayList<>();
                try {
                    for (TileFile tile : row) {
                        images.add(new TileImages(tile));
                    }
                    copyRow(images, levels, aboveCoarser, encoder);
                } finally {
                    for (TileImages i : images) {
                        i.close();
                    }
                }
            }
            for (Level level : levels) {
                int down = (level.height + TILE - 1) / TILE;
                if (level.tileBytes.size() != level.tilesAcross() * down) {
                    throw new IllegalStateException(level.tileBytes.size() + " tiles copied to a level of " + level.tilesAcross() * down);
                }
            }
            for (Level l = aboveCoarser == null ? null : aboveCoarser.coarser(); l != null; l = l.coarser()) {
                levels.add(l);
            }
            writeFile(grid, levels, 4, description, unit, file);
        } finally {
            for (int k = 0; k < Math.min(copied, levels.size()); k++) {
                levels.get(k).close();
            }
            if (aboveCoarser != null) {
                aboveCoarser.close();
            }
        }
    }

    /**
     * One row of tile files (left to right): their tiles of each copied level in the levels' row-major order, and the
     * last copied level's rows to {@code aboveCoarser} (when the raster has coarser levels).
     */
    private static void copyRow(List<TileImages> row, List<Level> levels, Level aboveCoarser, TileEncoder encoder) throws IOException {
        for (int k = 0; k < levels.size(); k++) {
            int tileRows = (row.get(0).height(k) + TILE - 1) / TILE;
            for (int tr = 0; tr < tileRows; tr++) {
                for (TileImages tile : row) {
                    int across = (tile.width(k) + TILE - 1) / TILE;
                    for (int tc = 0; tc < across; tc++) {
                        levels.get(k).addTile(tile.encodedTile(k, tr, tc, encoder));
                    }
                }
            }
        }
        if (aboveCoarser != null) {
            int k = levels.size() - 1;
            int width = aboveCoarser.width;
            int rows = row.get(0).height(k);
            double[] cells = new double[width * rows];
            int x = 0;
            for (TileImages tile : row) {
                double[] part = tile.cells(k);
                int w = tile.width(k);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(part, r * w, cells, r * width + x, w);
                }
                x += w;
            }
            aboveCoarser.accept(cells, 0, rows);
        }
    }

    /** Cells of a level: {@code cells} halved {@code level} times (the ceiling each time). */
    private static int reduced(int cells, int level) {
        return (int) ((cells + (1L << level) - 1) >> level);
    }

    /**
     * How many levels, from full resolution on, {@link #writeMosaic} can copy from the tiles: those on whose
     * {@value #TILE}-cell tiles every window is aligned (a window starts on a tile's edge and ends on one or on the
     * raster's), when the windows form rows of tiles over the grid and every file is this encoder's Float32 COG of its
     * window; else 0.
     */
    static int copiedLevels(RasterGrid grid, List<TileFile> tiles) throws IOException {
        int y = 0;
        for (List<TileFile> row : rowsOf(tiles)) {
            int x = 0;
            for (TileFile tile : row) {
                PixelWindow w = tile.window();
                if (w.y0() != y || w.x0() != x || w.height() != row.get(0).window().height()) {
                    return 0;
                }
                x += w.width();
            }
            if (x != grid.columns()) {
                return 0;
            }
            y += row.get(0).window().height();
        }
        if (y != grid.rows()) {
            return 0;
        }
        int levels = 0;
        while (aligned(grid, tiles, (long) TILE << levels)) {
            levels++;
            if (reduced(grid.columns(), levels - 1) <= TILE && reduced(grid.rows(), levels - 1) <= TILE) {
                break;
            }
        }
        if (levels == 0) {
            return 0;
        }
        for (TileFile tile : tiles) {
            try (TileImages images = new TileImages(tile)) {
                if (!images.isThisEncodersPyramid()) {
                    return 0;
                }
            } catch (IOException e) {
                return 0;
            }
        }
        return levels;
    }

    private static boolean aligned(RasterGrid grid, List<TileFile> tiles, long span) {
        for (TileFile tile : tiles) {
            PixelWindow w = tile.window();
            boolean columns = w.x0() % span == 0 && (w.width() % span == 0 || w.x0() + w.width() == grid.columns());
            boolean rows = w.y0() % span == 0 && (w.height() % span == 0 || w.y0() + w.height() == grid.rows());
            if (!columns || !rows) {
                return false;
            }
        }
        return true;
    }

    /** The tiles in rows (by their first row), each row left to right. */
    private static List<List<TileFile>> rowsOf(List<TileFile> tiles) {
        TreeMap<Integer, List<TileFile>> rows = new TreeMap<>();
        for (TileFile tile : tiles) {
            rows.computeIfAbsent(tile.window().y0(), y -> new ArrayList<>()).add(tile);
        }
        for (List<TileFile> row : rows.values()) {
            row.sort(Comparator.comparingInt(t -> t.window().x0()));
        }
        return new ArrayList<>(rows.values());
    }

    /** One tile file's levels: those it stores (full resolution first), and those it is too small to store, computed. */
    private static final class TileImages implements AutoCloseable {
        private final PixelWindow window;
        private final SeekableByteChannel channel;
        private final List<TiffCells> stored = new ArrayList<>();
        private final List<double[]> cells = new ArrayList<>();

        TileImages(TileFile file) throws IOException {
            window = file.window();
            channel = Storage.openChannel(file.location());
            for (TiffCells image = TiffCells.first(channel); image != null; image = image.next()) {
                stored.add(image);
            }
        }

        /**
         * Whether the file is this encoder's Float32 COG of its window: each level it stores of the size halving gives,
         * from full resolution down to the first that fits in one tile.
         */
        boolean isThisEncodersPyramid() {
            for (int k = 0; k < stored.size(); k++) {
                boolean expected = k == 0 || width(k - 1) > TILE || height(k - 1) > TILE;
                TiffCells image = stored.get(k);
                if (!expected || !image.isFloat32Cog() || image.width() != width(k) || image.height() != height(k)) {
                    return false;
                }
            }
            int last = stored.size() - 1;
            return last >= 0 && width(last) <= TILE && height(last) <= TILE;
        }

        int width(int level) {
            return reduced(window.width(), level);
        }

        int height(int level) {
            return reduced(window.height(), level);
        }

        /** Tile ({@code tileRow}, {@code tileColumn}) of a level, encoded: as stored, or encoded from the computed level. */
        byte[] encodedTile(int level, int tileRow, int tileColumn, TileEncoder encoder) throws IOException {
            if (level < stored.size()) {
                return stored.get(level).storedTile(tileRow * ((width(level) + TILE - 1) / TILE) + tileColumn);
            }
            int w = width(level);
            int from = tileRow * TILE;
            int rows = Math.min(TILE, height(level) - from);
            return encoder.encode(Arrays.copyOfRange(cells(level), from * w, (from + rows) * w), w, rows, tileColumn * TILE);
        }

        /** A level's cells, row-major: decoded where stored, else the previous level's halved. */
        double[] cells(int level) throws IOException {
            while (cells.size() <= level) {
                int k = cells.size();
                cells.add(k < stored.size() ? stored.get(k).read(new PixelWindow(0, 0, width(k), height(k)), 0)
                        : halved(cells.get(k - 1), width(k - 1), height(k - 1), 4));
            }
            return cells.get(level);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * The rows of a raster read from its tile files, strip after strip, with the files a strip crosses open until the
     * strips have passed them; the files' NoData cells are NaN.
     */
    private static final class TileRows implements RowStrips, AutoCloseable {
        private final RasterGrid grid;
        private final List<TileFile> tiles;
        private final Map<TileFile, SeekableByteChannel> channels = new HashMap<>();
        private final Map<TileFile, TiffCells> open = new HashMap<>();

        TileRows(RasterGrid grid, List<TileFile> tiles) {
            this.grid = grid;
            this.tiles = tiles;
        }

        @Override
        public double[] read(int firstRow, int rows) throws IOException {
            double[] strip = new double[rows * grid.columns()];
            Arrays.fill(strip, Double.NaN);
            int lastRow = firstRow + rows;
            for (TileFile tile : tiles) {
                PixelWindow w = tile.window();
                if (w.y0() + w.height() <= firstRow) {
                    SeekableByteChannel passed = channels.remove(tile);
                    open.remove(tile);
                    if (passed != null) {
                        passed.close();
                    }
                    continue;
                }
                if (w.y0() >= lastRow) {
                    continue;
                }
                TiffCells cells = open.get(tile);
                if (cells == null) {
                    SeekableByteChannel channel = Storage.openChannel(tile.location());
                    channels.put(tile, channel);
                    cells = TiffCells.first(channel);
                    open.put(tile, cells);
                }
                int from = Math.max(firstRow, w.y0());
                int to = Math.min(lastRow, w.y0() + w.height());
                double[] part = cells.read(new PixelWindow(0, from - w.y0(), w.width(), to - from), 0);
                double noData = cells.noData();
                for (int row = from; row < to; row++) {
                    int at = (row - firstRow) * grid.columns() + w.x0();
                    for (int c = 0; c < w.width(); c++) {
                        double v = part[(row - from) * w.width() + c];
                        strip[at + c] = v == noData ? Double.NaN : v;
                    }
                }
            }
            return strip;
        }

        @Override
        public void close() throws IOException {
            for (SeekableByteChannel channel : channels.values()) {
                channel.close();
            }
            channels.clear();
            open.clear();
        }
    }

    private static void writeFile(RasterGrid grid, List<Level> levels, int bytesPerSample, String description,
                                  String unit, Path file) throws IOException {
        long dataBytes = 0;
        for (Level level : levels) {
            dataBytes += level.dataBytes();
        }
        boolean big = dataBytes > CLASSIC_LIMIT;

        List<Ifd> ifds = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            ifds.add(ifd(levels.get(i), i == 0 ? grid : null, description, unit, bytesPerSample, big));
        }
        // Layout: header, ghost, IFDs (full resolution first), tiles (smallest overview first).
        int headerSize = big ? 16 : 8;
        String ghostHead = String.format("GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", GHOST.length());
        long position = headerSize + ghostHead.length() + GHOST.length();
        position += position & 1;
        long[] ifdOffsets = new long[ifds.size()];
        for (int i = 0; i < ifds.size(); i++) {
            ifdOffsets[i] = position;
            position += ifds.get(i).size(big);
            position += position & 1;
        }
        long[][] tileOffsets = new long[levels.size()][];
        for (int i = levels.size() - 1; i >= 0; i--) {
            List<Integer> sizes = levels.get(i).tileBytes;
            tileOffsets[i] = new long[sizes.size()];
            for (int t = 0; t < sizes.size(); t++) {
                tileOffsets[i][t] = position + 4;
                position += sizes.get(t) + 8L;
            }
        }
        Files.deleteIfExists(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I').put((byte) 'I');
            if (big) {
                header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdOffsets[0]);
            } else {
                header.putShort((short) 42).putInt((int) ifdOffsets[0]);
            }
            out.write(header.array());
            out.write((ghostHead + GHOST).getBytes(StandardCharsets.US_ASCII));
            long written = headerSize + ghostHead.length() + GHOST.length();
            for (int i = 0; i < ifds.size(); i++) {
                written = pad(out, written, ifdOffsets[i]);
                Ifd ifd = ifds.get(i);
                ifd.setOffsets(tileOffsets[i], big);
                byte[] bytes = ifd.encode(ifdOffsets[i], i + 1 < ifds.size() ? ifdOffsets[i + 1] : 0, big);
                out.write(bytes);
                written += bytes.length;
            }
            for (int i = levels.size() - 1; i >= 0; i--) {
                levels.get(i).copyTo(out);
            }
        }
    }

    private static long pad(OutputStream out, long written, long target) throws IOException {
        while (written < target) {
            out.write(0);
            written++;
        }
        return written;
    }

    /** Encodes tiles: each predicted (3) and deflated. */
    private static final class TileEncoder implements AutoCloseable {
        private final int bytesPerSample;
        private final byte[] raw;
        private final byte[] buffer;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);

        TileEncoder(int bytesPerSample) {
            this.bytesPerSample = bytesPerSample;
            raw = new byte[TILE * TILE * bytesPerSample];
            buffer = new byte[raw.length + 1024];
        }

        /**
         * The tile whose left column is {@code x0} in a band of {@code rows} rows of {@code width} cells
         * ({@code band}, row-major); cells past the band's right and bottom edges are NaN.
         */
        byte[] encode(double[] band, int width, int rows, int x0) {
            int rowBytes = TILE * bytesPerSample;
            for (int r = 0; r < TILE; r++) {
                int base = r * rowBytes;
                for (int c = 0; c < TILE; c++) {
                    int x = x0 + c;
                    double v = x < width && r < rows ? band[r * width + x] : Double.NaN;
                    if (bytesPerSample == 4) {
                        int bits = Float.floatToRawIntBits((float) v);
                        raw[base + c] = (byte) (bits >>> 24);
                        raw[base + TILE + c] = (byte) (bits >>> 16);
                        raw[base + 2 * TILE + c] = (byte) (bits >>> 8);
                        raw[base + 3 * TILE + c] = (byte) bits;
                        continue;
                    }
                    long bits = Double.doubleToRawLongBits(v);
                    for (int k = 0; k < bytesPerSample; k++) {
                        raw[base + k * TILE + c] = (byte) (bits >>> (8 * (bytesPerSample - 1 - k)));
                    }
                }
                for (int j = rowBytes - 1; j > 0; j--) {
                    raw[base + j] -= raw[base + j - 1];
                }
            }
            deflater.reset();
            deflater.setInput(raw);
            deflater.finish();
            java.io.ByteArrayOutputStream tile = new java.io.ByteArrayOutputStream();
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                tile.write(buffer, 0, n);
            }
            return tile.toByteArray();
        }

        @Override
        public void close() {
            deflater.end();
        }
    }

    private static Ifd ifd(Level level, RasterGrid grid, String description, String unit, int bytesPerSample,
                           boolean big) {
        List<Integer> tiles = level.tileBytes;
        Ifd ifd = new Ifd();
        if (grid == null) {
            ifd.shorts(254, LONG, 1); // NewSubfileType: reduced-resolution image
        }
        ifd.shorts(256, LONG, level.width);
        ifd.shorts(257, LONG, level.height);
        ifd.shorts(258, SHORT, bytesPerSample * 8);
        ifd.shorts(259, SHORT, 8); // deflate
        ifd.shorts(262, SHORT, 1); // min-is-black
        ifd.shorts(277, SHORT, 1);
        ifd.shorts(284, SHORT, 1);
        ifd.shorts(317, SHORT, 3); // floating-point predictor
        ifd.shorts(322, SHORT, TILE);
        ifd.shorts(323, SHORT, TILE);
        long[] counts = new long[tiles.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = tiles.get(i);
        }
        ifd.longs(324, big ? LONG8 : LONG, new long[tiles.size()]);
        ifd.longs(325, big ? LONG8 : LONG, counts);
        ifd.shorts(339, SHORT, 3); // IEEE floating point
        if (grid != null) {
            ifd.doubles(33550, new double[] {grid.cellWidth(), grid.cellHeight(), 0});
            ifd.doubles(33922, new double[] {0, 0, 0, grid.originX(), grid.originY(), 0});
            GeoKeys keys = GeoKeys.of(grid);
            ifd.shorts(34735, SHORT, keys.directory());
            if (keys.doubleParams().length > 0) {
                ifd.doubles(34736, keys.doubleParams());
            }
            if (!keys.asciiParams().isEmpty()) {
                ifd.ascii(34737, keys.asciiParams());
            }
            String metadata = gdalMetadata(description, unit);
            if (metadata != null) {
                ifd.ascii(42112, metadata);
            }
        }
        ifd.ascii(TiffCells.GDAL_NODATA, "nan");
        return ifd;
    }

    /** GDAL's band metadata XML: the description and unit QGIS and {@code gdalinfo} show. */
    private static String gdalMetadata(String description, String unit) {
        if (description == null && unit == null) {
            return null;
        }
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        if (description != null) {
            xml.append("  <Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">").append(escape(description)).append("</Item>\n");
        }
        if (unit != null) {
            xml.append("  <Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">").append(escape(unit)).append("</Item>\n");
        }
        return xml.append("</GDALMetadata>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An image file directory under construction: entries with their values, sorted by tag when encoded. */
    private static final class Ifd {
        private record Entry(int tag, int type, long count, byte[] value) {
        }

        private final List<Entry> entries = new ArrayList<>();

        void shorts(int tag, int type, int... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * (type == SHORT ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                if (type == SHORT) {
                    b.putShort((short) v);
                } else {
                    b.putInt(v);
                }
            }
            entries.add(new Entry(tag, type, values.length, b.array()));
        }

        void longs(int tag, int type, long[] values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * (type == LONG8 ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                if (type == LONG8) {
                    b.putLong(v);
                } else {
                    b.putInt((int) v);
                }
            }
            entries.removeIf(e -> e.tag == tag);
            entries.add(new Entry(tag, type, values.length, b.array()));
        }

        void doubles(int tag, double[] values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                b.putDouble(v);
            }
            entries.add(new Entry(tag, DOUBLE, values.length, b.array()));
        }

        void ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_8);
            entries.add(new Entry(tag, ASCII, bytes.length, bytes));
        }

        void setOffsets(long[] offsets, boolean big) {
            longs(324, big ? LONG8 : LONG, offsets);
        }

        /** Bytes of the directory and of its values stored after it. */
        long size(boolean big) {
            int inline = big ? 8 : 4;
            long size = (big ? 8 : 2) + (long) entries.size() * (big ? 20 : 12) + (big ? 8 : 4);
            for (Entry e : entries) {
                if (e.value.length > inline) {
                    size += e.value.length + (e.value.length & 1);
                }
            }
            return size;
        }

        byte[] encode(long offset, long next, boolean big) {
            entries.sort((a, b) -> Integer.compare(a.tag, b.tag));
            int inline = big ? 8 : 4;
            int size = Math.toIntExact(size(big));
            ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            long valuePosition = offset + (big ? 8 : 2) + (long) entries.size() * (big ? 20 : 12) + (big ? 8 : 4);
            if (big) {
                b.putLong(entries.size());
            } else {
                b.putShort((short) entries.size());
            }
            List<byte[]> outOfLine = new ArrayList<>();
            for (Entry e : entries) {
                b.putShort((short) e.tag).putShort((short) e.type);
                if (big) {
                    b.putLong(e.count);
                } else {
                    b.putInt((int) e.count);
                }
                if (e.value.length <= inline) {
                    b.put(e.value);
                    b.put(new byte[inline - e.value.length]);
                } else {
                    if (big) {
                        b.putLong(valuePosition);
                    } else {
                        b.putInt((int) valuePosition);
                    }
                    outOfLine.add(e.value);
                    valuePosition += e.value.length + (e.value.length & 1);
                }
            }
            if (big) {
                b.putLong(next);
            } else {
                b.putInt((int) next);
            }
            for (byte[] v : outOfLine) {
                b.put(v);
                if ((v.length & 1) == 1) {
                    b.put((byte) 0);
                }
            }
            return b.array();
        }
    }
}
