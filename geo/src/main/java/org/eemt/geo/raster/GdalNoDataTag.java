package org.eemt.geo.raster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    /** Adds (or replaces) the GDAL_NODATA tag of the first image of a local TIFF file. */
    public static void append(Path tiff, String noData) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(tiff.toFile(), "rw");
             SeekableByteChannel channel = raf.getChannel()) {
            Layout t = Layout.of(channel);
            List<Entry> entries = new ArrayList<>();
            for (Entry e : t.entries(channel)) {
                if (e.tag != TAG) {
                    entries.add(e);
                }
            }
            byte[] text = (noData + "\0").getBytes(StandardCharsets.US_ASCII);
            long end = channel.size();
            long textOffset = -1;
            if (text.length > t.inlineBytes) {
                textOffset = end + (end & 1);
                write(channel, textOffset, ByteBuffer.wrap(text));
                end = textOffset + text.length;
            }
            ByteBuffer value = ByteBuffer.allocate(t.inlineBytes).order(t.order);
            if (textOffset < 0) {
                value.put(text);
            } else if (t.big) {
                value.putLong(textOffset);
            } else {
                value.putInt((int) textOffset);
            }
            entries.add(new Entry(TAG, ASCII, text.length, value.array()));
            entries.sort((a, b) -> Integer.compare(a.tag, b.tag));

            long ifd = end + (end & 1);
            int entrySize = t.big ? 20 : 12;
            ByteBuffer out = ByteBuffer.allocate((t.big ? 8 : 2) + entries.size() * entrySize + (t.big ? 8 : 4)).order(t.order);
            if (t.big) {
                out.putLong(entries.size());
            } else {
                out.putShort((short) entries.size());
            }
            for (Entry e : entries) {
                out.putShort((short) e.tag).putShort((short) e.type);
                if (t.big) {
                    out.putLong(e.count);
                } else {
                    out.putInt((int) e.count);
                }
                out.put(e.raw);
            }
            if (t.big) {
                out.putLong(t.nextIfd);
            } else {
                out.putInt((int) t.nextIfd);
            }
            out.flip();
            write(channel, ifd, out);
            ByteBuffer header = ByteBuffer.allocate(t.big ? 8 : 4).order(t.order);
            if (t.big) {
                header.putLong(ifd);
            } else {
                header.putInt((int) ifd);
            }
            header.flip();
            write(channel, t.big ? 8 : 4, header);
        }
    }

    private static void write(SeekableByteChannel channel, long position, ByteBuffer buffer) throws IOException {
        channel.position(position);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length, ByteOrder order) throws IOException {
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
    private record Layout(ByteOrder order, boolean big, long firstIfd, long nextIfd, int inlineBytes) {
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
            long count = big ? read(channel, first, 8, order).getLong()
                             : read(channel, first, 2, order).getShort() & 0xFFFF;
            long nextPos = first + (big ? 8 + count * 20 : 2 + count * 12);
            long next = big ? read(channel, nextPos, 8, order).getLong()
                            : read(channel, nextPos, 4, order).getInt() & 0xFFFFFFFFL;
            return new Layout(order, big, first, next, big ? 8 : 4);
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
