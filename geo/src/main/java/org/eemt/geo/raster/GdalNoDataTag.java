package org.eemt.geo.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code GDAL_NODATA} TIFF tag (42113, ASCII): the NoData value that GDAL, QGIS and GRASS read.
 *
 * <p>Apache SIS 1.6 neither writes this tag nor reports it for every file (a Float32 DEM with
 * NoData -3.4e38 came back without it), so the project reads and writes it itself from the TIFF
 * structure (TIFF 6.0 and BigTIFF): {@link #read} finds it in the first image file directory (IFD),
 * {@link #append} copies the first IFD to the end of the file with the tag added and points the
 * header at the copy. Entry values stored elsewhere in the file keep their absolute offsets.
 */
public final class GdalNoDataTag {
    /** The TIFF tag number of GDAL_NODATA. */
    static final int TAG = 42113;
    private static final int ASCII = 2;

    private GdalNoDataTag() {
    }

    /** The NoData value of the first image, or {@code null} when the file has no GDAL_NODATA tag. */
    public static Double read(SeekableByteChannel channel) throws IOException {
        Layout t = Layout.of(channel);
        for (Entry e : t.entries(channel)) {
            if (e.tag == TAG) {
                byte[] text = e.valueBytes(channel, t);
                String s = new String(text, StandardCharsets.US_ASCII).replace("\0", "").trim();
                if (s.isEmpty()) {
                    return null;
                }
                return s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
            }
        }
        return null;
    }

    /** {@code length} bytes of a file from {@code position}, in a buffer of that byte order. */
    static ByteBuffer read(SeekableByteChannel channel, long position, int length, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        channel.position(position);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new IOException("truncated TIFF file");
            }
        }
        return b.flip();
    }

    /** Byte order, classic or BigTIFF, and where the first IFD starts. */
    private record Layout(ByteOrder order, boolean big, long firstIfd, int inlineBytes) {
        static Layout of(SeekableByteChannel channel) throws IOException {
            ByteBuffer head = read(channel, 0, 16, ByteOrder.LITTLE_ENDIAN);
            ByteOrder order = switch (head.getShort(0)) {
                case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
                case 0x4D4D -> ByteOrder.BIG_ENDIAN;
                default -> throw new IOException("not a TIFF file");
            };
            head.order(order);
            int magic = head.getShort(2) & 0xFFFF;
            boolean big = magic == 43;
            if (!big && magic != 42) {
                throw new IOException("not a TIFF file");
            }
            long first = big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL;
            return new Layout(order, big, first, big ? 8 : 4);
        }

        List<Entry> entries(SeekableByteChannel channel) throws IOException {
            long count = big ? read(channel, firstIfd, 8, order).getLong()
                             : read(channel, firstIfd, 2, order).getShort() & 0xFFFF;
            int size = big ? 20 : 12;
            ByteBuffer b = read(channel, firstIfd + (big ? 8 : 2), (int) (count * size), order);
            List<Entry> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int tag = b.getShort() & 0xFFFF;
                int type = b.getShort() & 0xFFFF;
                long n = big ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
                byte[] raw = new byte[inlineBytes];
                b.get(raw);
                list.add(new Entry(tag, type, n, raw));
            }
            return list;
        }
    }

    /** One IFD entry with its value field as stored (inline bytes or an offset). */
    private record Entry(int tag, int type, long count, byte[] raw) {
        byte[] valueBytes(SeekableByteChannel channel, Layout t) throws IOException {
            if (count <= t.inlineBytes) {
                byte[] v = new byte[(int) count];
                System.arraycopy(raw, 0, v, 0, v.length);
                return v;
            }
            ByteBuffer r = ByteBuffer.wrap(raw).order(t.order);
            long offset = t.big ? r.getLong() : r.getInt() & 0xFFFFFFFFL;
            return read(channel, offset, (int) count, t.order).array();
        }
    }
}
