package org.eemt.geo.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the cells of an image of a TIFF file (TIFF 6.0, Adobe; BigTIFF): the first, or one after it (a COG's
 * overviews), in the layouts GDAL writes for a single-band raster: strips or tiles, chunky or planar, either byte order, 8 to 64-bit
 * integers and 32/64-bit floats, no compression, LZW (TIFF 6.0 section 13), DEFLATE (Adobe
 * PhotoshopTM "Deflate", RFC 1950), PackBits (section 9), ZSTD (GDAL's code 50000, RFC 8878), LERC
 * (code 34887: Esri's Lerc2 blobs, see {@link Lerc2}, alone or inside DEFLATE or ZSTD as GDAL's
 * LERC_DEFLATE and LERC_ZSTD write them), the horizontal predictor 2 (section 14) and the floating-point
 * predictor 3 (Adobe TIFF Technical Note 3, 2005: byte planes, most significant first, differenced byte
 * by byte).
 *
 * <p>Apache SIS 1.6 reads the georeferencing; it cannot decode the floating-point predictor that
 * GDAL and the project's own products use, hence this decoder for the cells. Layouts it does not
 * decode (JPEG, WebP, LERC of 8-bit samples or in a big-endian file, sub-byte or 16-bit float samples) are reported by
 * {@link #unsupported()} so that the reader refuses them with the {@code gdal_translate} fix.
 */
final class TiffCells {
    /** GDAL's NoData tag (ASCII): the NoData value GDAL, QGIS and GRASS read and write. */
    static final int GDAL_NODATA = 42113;
    /** libtiff's LercParameters tag (LONG[2]): the Lerc2 blob version and the compression around it (0 none, 1 DEFLATE, 2 ZSTD). */
    private static final int LERC_PARAMETERS = 50674;
    private static final int LERC = 34887;
    /** GeoTIFF 1.1's GeoKeyDirectoryTag (SHORTs): a header of four, then four per key (id, location, count, value). */
    private static final int GEO_KEY_DIRECTORY = 34735;
    /** The GeoKeys that name a CRS by its EPSG code: ProjectedCRSGeoKey, then GeodeticCRSGeoKey. */
    private static final int[] CRS_CODE_KEYS = {3072, 2048};
    private final SeekableByteChannel channel;
    private final ByteOrder order;
    private final boolean big;
    /** The offset of the next image's directory, 0 when this is the last image. */
    private final long nextImage;
    private final int width;
    private final int height;
    private final int samplesPerPixel;
    private final int bitsPerSample;
    private final int sampleFormat;
    private final boolean planar;
    private final int compression;
    private final int predictor;
    private final int lercVersion;
    private final int lercWrapping;
    private final int blockWidth;
    private final int blockHeight;
    private final long[] offsets;
    private final long[] byteCounts;
    /** The GDAL_NODATA tag's value (NaN when the file has none, or when NoData is NaN). */
    private final double noData;
    /** The EPSG code of the CRS the GeoKeys name (of its geodetic CRS under a user-defined projection), else 0. */
    private final int epsgCode;

    /** The first image of the file in {@code channel} (full resolution, in a file with overviews). */
    static TiffCells first(SeekableByteChannel channel) throws IOException {
        ByteBuffer head = read(channel, 0, 16, ByteOrder.LITTLE_ENDIAN);
        ByteOrder order = switch (head.getShort(0)) {
            case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
            case 0x4D4D -> ByteOrder.BIG_ENDIAN;
            default -> throw new IOException("not a TIFF file");
        };
        head.order(order);
        int magic = head.getShort(2) & 0xFFFF;
        if (magic != 42 && magic != 43) {
            throw new IOException("not a TIFF file");
        }
        boolean big = magic == 43;
        return new TiffCells(channel, order, big, big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL);
    }

    /** The image after this one in the file (a COG's next overview), or null. */
    TiffCells next() throws IOException {
        return nextImage == 0 ? null : new TiffCells(channel, order, big, nextImage);
    }

    private TiffCells(SeekableByteChannel channel, ByteOrder order, boolean big, long ifd) throws IOException {
        this.channel = channel;
        this.order = order;
        this.big = big;
        long count = big ? read(ifd, 8, order).getLong() : read(ifd, 2, order).getShort() & 0xFFFF;
        int entrySize = big ? 20 : 12;
        ByteBuffer entries = read(ifd + (big ? 8 : 2), Math.toIntExact(count * entrySize + (big ? 8 : 4)), order);
        nextImage = big ? entries.getLong(Math.toIntExact(count * entrySize)) : entries.getInt(Math.toIntExact(count * entrySize)) & 0xFFFFFFFFL;
        Map<Integer, long[]> tags = new HashMap<>();
        double gdalNoData = Double.NaN;
        for (int i = 0; i < count; i++) {
            int tag = entries.getShort() & 0xFFFF;
            int type = entries.getShort() & 0xFFFF;
            long n = big ? entries.getLong() : entries.getInt() & 0xFFFFFFFFL;
            int size = switch (type) {
                case 1, 2, 6, 7 -> 1;
                case 3, 8 -> 2;
                case 4, 9, 11 -> 4;
                default -> 8;
            };
            int inline = big ? 8 : 4;
            ByteBuffer value;
            if (size * n <= inline) {
                byte[] raw = new byte[inline];
                entries.get(raw);
                value = ByteBuffer.wrap(raw).order(order);
            } else {
                long at = big ? entries.getLong() : entries.getInt() & 0xFFFFFFFFL;
                if (!isNumericTag(tag) && tag != GDAL_NODATA) {
                    continue;
                }
                value = read(at, Math.toIntExact(size * n), order);
            }
            if (tag == GDAL_NODATA) {
                byte[] text = new byte[Math.toIntExact(n)];
                value.get(text);
                String v = new String(text, StandardCharsets.US_ASCII).replace("\0", "").trim();
                gdalNoData = v.isEmpty() || v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v);
                continue;
            }
            if (!isNumericTag(tag)) {
                continue;
            }
            long[] values = new long[Math.toIntExact(n)];
            for (int k = 0; k < n; k++) {
                values[k] = switch (type) {
                    case 1, 7 -> value.get() & 0xFF;
                    case 6 -> value.get();
                    case 3 -> value.getShort() & 0xFFFF;
                    case 8 -> value.getShort();
                    case 4 -> value.getInt() & 0xFFFFFFFFL;
                    case 9 -> value.getInt();
                    default -> value.getLong();
                };
            }
            tags.put(tag, values);
        }
        noData = gdalNoData;
        epsgCode = epsgCode(tags.get(GEO_KEY_DIRECTORY));
        width = (int) first(tags, 256, 0);
        height = (int) first(tags, 257, 0);
        bitsPerSample = (int) first(tags, 258, 1);
        compression = (int) first(tags, 259, 1);
        samplesPerPixel = (int) first(tags, 277, 1);
        planar = first(tags, 284, 1) == 2;
        predictor = (int) first(tags, 317, 1);
        sampleFormat = (int) first(tags, 339, 1);
        // libtiff's defaults when the tag is absent: Lerc2 version 4, nothing around it
        long[] lerc = tags.getOrDefault(LERC_PARAMETERS, new long[] {4, 0});
        lercVersion = (int) lerc[0];
        lercWrapping = lerc.length > 1 ? (int) lerc[1] : 0;
        if (tags.containsKey(322)) {
            blockWidth = (int) first(tags, 322, 0);
            blockHeight = (int) first(tags, 323, 0);
            offsets = tags.get(324);
            byteCounts = tags.get(325);
        } else {
            blockWidth = width;
            blockHeight = (int) Math.min(first(tags, 278, height), height);
            offsets = tags.get(273);
            byteCounts = tags.get(279);
        }
    }

    /** The NoData value of the GDAL_NODATA tag; NaN when the file has none, or when NoData is NaN. */
    double noData() {
        return noData;
    }

    /**
     * The EPSG code of the CRS that the GeoKeys name: the projected CRS's, or the geodetic CRS's (a geographic DEM, or
     * a user-defined projection on an EPSG datum); 0 when they name neither.
     */
    int epsgCode() {
        return epsgCode;
    }

    private static int epsgCode(long[] directory) {
        for (int key : CRS_CODE_KEYS) {
            for (int k = 4; directory != null && k + 3 < directory.length; k += 4) {
                // a value held in the directory itself (location 0); 1024-32766 is EPSG's range, 32767 "user-defined"
                if (directory[k] == key && directory[k + 1] == 0 && directory[k + 3] >= 1024 && directory[k + 3] < 32767) {
                    return (int) directory[k + 3];
                }
            }
        }
        return 0;
    }

    private static boolean isNumericTag(int tag) {
        return tag >= 256 && tag <= 339 && tag != 270 && tag != 305 && tag != 306 && tag != 315 || tag == LERC_PARAMETERS
                || tag == GEO_KEY_DIRECTORY;
    }

    private static long first(Map<Integer, long[]> tags, int tag, long otherwise) {
        long[] v = tags.get(tag);
        return v == null || v.length == 0 ? otherwise : v[0];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Whether the image is laid out as {@link CogEncoder} writes Float32 cells: one sample, little-endian, tiles of
     * {@value CogEncoder#TILE} cells, every one stored, DEFLATE with the floating-point predictor.
     */
    boolean isFloat32Cog() {
        if (order != ByteOrder.LITTLE_ENDIAN || samplesPerPixel != 1 || sampleFormat != 3 || bitsPerSample != 32
                || compression != 8 || predictor != 3 || blockWidth != CogEncoder.TILE || blockHeight != CogEncoder.TILE
                || offsets == null || byteCounts == null) {
            return false;
        }
        long tiles = (long) ((width + CogEncoder.TILE - 1) / CogEncoder.TILE) * ((height + CogEncoder.TILE - 1) / CogEncoder.TILE);
        if (offsets.length != tiles || byteCounts.length != tiles) {
            return false;
        }
        for (int i = 0; i < tiles; i++) {
            if (offsets[i] == 0 || byteCounts[i] < 4) {
                return false;
            }
        }
        return true;
    }

    /** Tile {@code index} (row-major) as stored: compressed, its predictor not undone. */
    byte[] storedTile(int index) throws IOException {
        return read(offsets[index], Math.toIntExact(byteCounts[index]), order).array();
    }

    /** What this decoder cannot read in the file, or null when it reads it. */
    String unsupported() {
        String name = switch (compression) {
            case 1, 5, 8, 32946, 32773, 50000 -> null;
            // libtiff hands the LERC encoder a big-endian file's samples byte-swapped: GDAL's own read of such a
            // file differs from what was written (masked and mis-quantized cells), so refuse it rather than guess
            case LERC -> order == ByteOrder.BIG_ENDIAN ? "LERC compression in a big-endian TIFF"
                    : bitsPerSample == 8 ? "LERC compression of 8-bit samples"
                    : lercVersion != 3 && lercVersion != 4 ? "LERC version 2." + lercVersion
                    : lercWrapping < 0 || lercWrapping > 2 ? "LERC inside compression " + lercWrapping
                    : predictor != 1 ? "LERC compression with predictor " + predictor : null;
            case 7 -> "JPEG compression";
            case 34925 -> "LZMA compression";
            case 50001 -> "WebP compression";
            default -> "TIFF compression " + compression;
        };
        if (name != null) {
            return name;
        }
        boolean integer = (sampleFormat == 1 || sampleFormat == 2)
                && (bitsPerSample == 8 || bitsPerSample == 16 || bitsPerSample == 32);
        boolean real = sampleFormat == 3 && (bitsPerSample == 32 || bitsPerSample == 64);
        if (!integer && !real) {
            return bitsPerSample + "-bit samples of format " + sampleFormat;
        }
        if (predictor != 1 && predictor != 2 && predictor != 3) {
            return "predictor " + predictor;
        }
        if (offsets == null || byteCounts == null || blockWidth <= 0 || blockHeight <= 0) {
            return "no strip or tile offsets";
        }
        return null;
    }

    /** The samples of one band (0-based) in a window, row-major, as stored (no NoData handling). */
    double[] read(PixelWindow window, int band) throws IOException {
        double[] out = new double[Math.toIntExact(window.cells())];
        int across = (width + blockWidth - 1) / blockWidth;
        int down = (height + blockHeight - 1) / blockHeight;
        int bx0 = window.x0() / blockWidth;
        int bx1 = (window.x0() + window.width() - 1) / blockWidth;
        int by0 = window.y0() / blockHeight;
        int by1 = (window.y0() + window.height() - 1) / blockHeight;
        int stride = planar ? 1 : samplesPerPixel;
        int component = planar ? 0 : band;
        for (int by = by0; by <= by1; by++) {
            for (int bx = bx0; bx <= bx1; bx++) {
                int index = by * across + bx + (planar ? band * across * down : 0);
                double[] block = block(index, stride, component);
                int x0 = Math.max(window.x0(), bx * blockWidth);
                int x1 = Math.min(window.x0() + window.width(), (bx + 1) * blockWidth);
                int y0 = Math.max(window.y0(), by * blockHeight);
                int y1 = Math.min(window.y0() + window.height(), (by + 1) * blockHeight);
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        out[(y - window.y0()) * window.width() + (x - window.x0())] =
                                block[(y - by * blockHeight) * blockWidth + (x - bx * blockWidth)];
                    }
                }
            }
        }
        return out;
    }

    /** One block's samples of one component, {@code blockWidth x blockHeight}, NaN where the block is absent. */
    private double[] block(int index, int stride, int component) throws IOException {
        double[] cells = new double[blockWidth * blockHeight];
        if (index >= offsets.length || offsets[index] == 0 || byteCounts[index] == 0) {
            java.util.Arrays.fill(cells, Double.NaN);
            return cells;
        }
        int bytes = bitsPerSample / 8;
        int rowBytes = blockWidth * stride * bytes;
        byte[] stored = read(offsets[index], Math.toIntExact(byteCounts[index]), order).array();
        if (compression == LERC) {
            return lerc(stored, stride, component, rowBytes * blockHeight);
        }
        byte[] raw = decompress(stored, rowBytes * blockHeight);
        ByteBuffer data = ByteBuffer.wrap(raw).order(order);
        for (int r = 0; r < blockHeight; r++) {
            int base = r * rowBytes;
            if (predictor == 3) {
                // the running sum kept in a register: through memory every byte waits for the previous store
                byte sum = raw[base];
                for (int j = 1; j < rowBytes; j++) {
                    sum += raw[base + j];
                    raw[base + j] = sum;
                }
                int wc = blockWidth * stride;
                for (int i = 0; i < blockWidth; i++) {
                    long bits = 0;
                    for (int k = 0; k < bytes; k++) {
                        bits = (bits << 8) | (raw[base + k * wc + i * stride + component] & 0xFF);
                    }
                    cells[r * blockWidth + i] = bytes == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
                }
                continue;
            }
            long previous = 0;
            for (int i = 0; i < blockWidth; i++) {
                int at = base + (i * stride + component) * bytes;
                long v = switch (bytes) {
                    case 1 -> raw[at];
                    case 2 -> data.getShort(at);
                    case 4 -> data.getInt(at);
                    default -> data.getLong(at);
                };
                if (predictor == 2) {
                    v += previous;
                    previous = v;
                }
                cells[r * blockWidth + i] = value(v);
            }
        }
        return cells;
    }

    /**
     * One LERC strip or tile: one Lerc2 blob of {@code stride} values per cell; cells the blob's mask marks
     * invalid are NaN. A strip's blob holds only the image's rows (the last strip is shorter).
     */
    private double[] lerc(byte[] stored, int stride, int component, int size) throws IOException {
        // GDAL's buffer for the blob before DEFLATE or ZSTD: at most 256 + 4/3 of the cells' bytes (or ZSTD's bound)
        byte[] blob = new byte[256 + 2 * size];
        switch (lercWrapping) {
            case 1 -> inflate(stored, blob);
            case 2 -> zstd(stored, blob);
            default -> blob = stored;
        }
        Lerc2.Decoded decoded = Lerc2.decode(ByteBuffer.wrap(blob));
        if (decoded.depth() != stride) {
            throw new IOException("LERC blob of " + decoded.depth() + " values per cell in a TIFF of " + stride);
        }
        if (decoded.width() != blockWidth || decoded.height() > blockHeight) {
            throw new IOException("LERC blob of " + decoded.width() + " x " + decoded.height() + " cells in a block of "
                    + blockWidth + " x " + blockHeight);
        }
        double[] cells = new double[blockWidth * blockHeight];
        java.util.Arrays.fill(cells, Double.NaN);
        for (int k = 0; k < decoded.width() * decoded.height(); k++) {
            cells[k] = decoded.values()[k * stride + component];
        }
        return cells;
    }

    /** A sample's raw bits (sign-extended from its width) as a number of the file's sample format. */
    private double value(long bits) {
        return switch (sampleFormat) {
            case 3 -> bitsPerSample == 32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
            case 2 -> switch (bitsPerSample) {
                case 8 -> (byte) bits;
                case 16 -> (short) bits;
                default -> (int) bits;
            };
            default -> switch (bitsPerSample) {
                case 8 -> bits & 0xFF;
                case 16 -> bits & 0xFFFF;
                default -> bits & 0xFFFFFFFFL;
            };
        };
    }

    private byte[] decompress(byte[] in, int size) throws IOException {
        byte[] out = new byte[size];
        switch (compression) {
            case 1 -> System.arraycopy(in, 0, out, 0, Math.min(in.length, size));
            case 8, 32946 -> inflate(in, out);
            case 5 -> lzw(in, out);
            case 32773 -> packBits(in, out);
            case 50000 -> zstd(in, out);
            default -> throw new IOException("unsupported compression " + compression);
        }
        return out;
    }

    /** DEFLATE (RFC 1950): as many bytes of the stream as {@code out} holds. */
    private static void inflate(byte[] in, byte[] out) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt DEFLATE block: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** GDAL's ZSTD compression (TIFF compression code 50000): one Zstandard frame per strip or tile (RFC 8878). */
    private static void zstd(byte[] in, byte[] out) throws IOException {
        try {
            com.github.luben.zstd.Zstd.decompress(out, in);
        } catch (com.github.luben.zstd.ZstdException e) {
            throw new IOException("corrupt ZSTD block: " + e.getMessage(), e);
        }
    }

    /** TIFF LZW: codes of 9 to 12 bits, most significant bit first, 256 clear, 257 end, early change. */
    private static void lzw(byte[] in, byte[] out) {
        byte[][] table = new byte[4096][];
        for (int i = 0; i < 256; i++) {
            table[i] = new byte[] {(byte) i};
        }
        int next = 258;
        int codeLength = 9;
        long bitBuffer = 0;
        int bitCount = 0;
        int inPos = 0;
        int outPos = 0;
        byte[] previous = null;
        while (outPos < out.length) {
            while (bitCount < codeLength && inPos < in.length) {
                bitBuffer = (bitBuffer << 8) | (in[inPos++] & 0xFF);
                bitCount += 8;
            }
            if (bitCount < codeLength) {
                return;
            }
            int code = (int) ((bitBuffer >>> (bitCount - codeLength)) & ((1 << codeLength) - 1));
            bitCount -= codeLength;
            if (code == 257) {
                return;
            }
            if (code == 256) {
                next = 258;
                codeLength = 9;
                previous = null;
                continue;
            }
            byte[] entry;
            if (code < next && table[code] != null) {
                entry = table[code];
                if (previous != null && next < 4096) {
                    table[next++] = concat(previous, entry[0]);
                }
            } else if (previous != null) {
                entry = concat(previous, previous[0]);
                if (next < 4096) {
                    table[next++] = entry;
                }
            } else {
                return;
            }
            int n = Math.min(entry.length, out.length - outPos);
            System.arraycopy(entry, 0, out, outPos, n);
            outPos += n;
            previous = entry;
            if (next + 1 >= (1 << codeLength) && codeLength < 12) {
                codeLength++;
            }
        }
    }

    private static byte[] concat(byte[] prefix, byte last) {
        byte[] b = java.util.Arrays.copyOf(prefix, prefix.length + 1);
        b[prefix.length] = last;
        return b;
    }

    /** PackBits (TIFF 6.0 section 9): n in 0..127 copies n+1 bytes, -127..-1 repeats the next byte 1-n times. */
    private static void packBits(byte[] in, byte[] out) {
        int i = 0;
        int o = 0;
        while (i < in.length && o < out.length) {
            int n = in[i++];
            if (n >= 0) {
                int len = Math.min(n + 1, Math.min(in.length - i, out.length - o));
                System.arraycopy(in, i, out, o, len);
                i += n + 1;
                o += len;
            } else if (n != -128 && i < in.length) {
                int len = Math.min(1 - n, out.length - o);
                java.util.Arrays.fill(out, o, o + len, in[i++]);
                o += len;
            }
        }
    }

    private ByteBuffer read(long position, int length, ByteOrder byteOrder) throws IOException {
        return read(channel, position, length, byteOrder);
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length, ByteOrder byteOrder) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(byteOrder);
        channel.position(position);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new IOException("truncated TIFF file");
            }
        }
        return b.flip();
    }
}
