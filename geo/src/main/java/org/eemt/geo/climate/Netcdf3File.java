package org.eemt.geo.climate;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eemt.geo.raster.PixelWindow;

/**
 * A reader of the netCDF classic (CDF-1) and 64-bit offset (CDF-2) formats, written from their
 * published specification (Unidata, "NetCDF Classic and 64-bit Offset File Formats"): a
 * big-endian header of dimensions, attributes and variables, then each fixed-size variable
 * contiguous at its {@code begin} offset, and the record variables interleaved record by record.
 *
 * <p>The files NetcdfSubset returns are small; only the header and the requested slab are read.
 * Chosen over {@code sis-netcdf}, whose public API yields coverages whose georeferencing must be
 * rebuilt anyway (it takes the km coordinates as metres), for one more jar and a private decoder.
 */
final class Netcdf3File extends NetcdfFile {
    private static final int NC_DIMENSION = 0x0A;
    private static final int NC_VARIABLE = 0x0B;
    private static final int NC_ATTRIBUTE = 0x0C;
    private static final int NC_BYTE = 1;
    private static final int NC_CHAR = 2;
    private static final int NC_SHORT = 3;
    private static final int NC_INT = 4;
    private static final int NC_FLOAT = 5;
    private static final int NC_DOUBLE = 6;

    private final SeekableByteChannel channel;
    private final int numberOfRecords;
    private final Map<String, Object> globalAttributes;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final long recordSize;

    /** One variable of the header: its shape, attributes, type and where its data start. */
    private record Variable(String name, int[] shape, boolean isRecord, Map<String, Object> attributes,
                            int type, long vsize, long begin) {
    }

    Netcdf3File(String location, SeekableByteChannel channel) throws IOException {
        super(location);
        this.channel = channel;
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        in.skipNBytes(3);
        int version = in.readUnsignedByte();
        int records = in.readInt();
        List<String> dimensionNames = new ArrayList<>();
        List<Integer> dimensionLengths = new ArrayList<>();
        int tag = in.readInt();
        int count = in.readInt();
        if (tag == NC_DIMENSION) {
            for (int i = 0; i < count; i++) {
                dimensionNames.add(readName(in));
                dimensionLengths.add(in.readInt());
            }
        } else if (tag != 0 || count != 0) {
            throw new IOException("bad dimension list in the netCDF-3 header");
        }
        globalAttributes = readAttributes(in);
        tag = in.readInt();
        count = in.readInt();
        if (tag != NC_VARIABLE && (tag != 0 || count != 0)) {
            throw new IOException("bad variable list in the netCDF-3 header");
        }
        long recordBytes = 0;
        int recordVariables = 0;
        for (int i = 0; i < count; i++) {
            String name = readName(in);
            int rank = in.readInt();
            int[] shape = new int[rank];
            boolean isRecord = false;
            for (int d = 0; d < rank; d++) {
                int id = in.readInt();
                shape[d] = dimensionLengths.get(id);
                if (d == 0 && shape[d] == 0) {
                    isRecord = true;
                }
            }
            Map<String, Object> attributes = readAttributes(in);
            int type = in.readInt();
            long vsize = in.readInt() & 0xFFFFFFFFL;
            long begin = version == 1 ? in.readInt() & 0xFFFFFFFFL : in.readLong();
            variables.put(name, new Variable(name, shape, isRecord, attributes, type, vsize, begin));
            if (isRecord) {
                recordBytes += vsize;
                recordVariables++;
            }
        }
        // "streaming" (numrecs = -1) means: count the records from the file size
        if (records == -1 && recordBytes > 0) {
            long firstRecord = variables.values().stream().filter(Variable::isRecord)
                    .mapToLong(Variable::begin).min().orElse(0);
            records = (int) ((channel.size() - firstRecord) / recordBytes);
        }
        numberOfRecords = records;
        // a single record variable is not padded (spec: "vsize ... special case")
        recordSize = recordVariables == 1 ? variables.values().stream().filter(Variable::isRecord)
                .mapToLong(v -> elementCount(v.shape, 1) * bytesOf(v.type)).sum() : recordBytes;
    }

    @Override
    boolean hasVariable(String variable) {
        return variables.containsKey(variable);
    }

    @Override
    List<String> variables() {
        return List.copyOf(variables.keySet());
    }

    @Override
    int[] shape(String variable) {
        Variable v = variable(variable);
        int[] shape = v.shape.clone();
        if (v.isRecord) {
            shape[0] = numberOfRecords;
        }
        return shape;
    }

    @Override
    Object attribute(String variable, String name) {
        return (variable == null ? globalAttributes : variable(variable).attributes).get(name);
    }

    @Override
    double[] readAll(String variable) {
        Variable v = variable(variable);
        int n = Math.toIntExact(elementCount(shape(variable), 0));
        double[] out = new double[n];
        if (v.isRecord) {
            int perRecord = Math.toIntExact(elementCount(v.shape, 1));
            for (int r = 0; r < numberOfRecords; r++) {
                ByteBuffer b = read(v, v.begin + r * recordSize, perRecord);
                for (int i = 0; i < perRecord; i++) {
                    out[r * perRecord + i] = value(b, v.type);
                }
            }
        } else {
            ByteBuffer b = read(v, v.begin, n);
            for (int i = 0; i < n; i++) {
                out[i] = value(b, v.type);
            }
        }
        return out;
    }

    @Override
    float[] readSlab(String variable, int first, PixelWindow window) {
        Variable v = variable(variable);
        int[] shape = shape(variable);
        if (shape.length != 3 || first < 0 || first >= shape[0]) {
            throw unreadable(variable + "[" + first + "]", new IOException("no such slab in shape " + java.util.Arrays.toString(shape)));
        }
        int columns = shape[2];
        long slab = v.isRecord ? v.begin + first * recordSize
                : v.begin + (long) first * shape[1] * columns * bytesOf(v.type);
        float[] out = new float[window.width() * window.height()];
        for (int r = 0; r < window.height(); r++) {
            long row = slab + ((long) (window.y0() + r) * columns + window.x0()) * bytesOf(v.type);
            ByteBuffer b = read(v, row, window.width());
            for (int c = 0; c < window.width(); c++) {
                out[r * window.width() + c] = (float) value(b, v.type);
            }
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private Variable variable(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no variable " + name + " in " + location);
        }
        return v;
    }

    private ByteBuffer read(Variable v, long position, int elements) {
        ByteBuffer b = ByteBuffer.allocate(elements * bytesOf(v.type)).order(ByteOrder.BIG_ENDIAN);
        try {
            channel.position(position);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    throw new IOException("the file ends before the data of " + v.name);
                }
            }
        } catch (IOException e) {
            throw unreadable(v.name, e);
        }
        return b.flip();
    }

    private static double value(ByteBuffer b, int type) {
        return switch (type) {
            case NC_BYTE -> b.get();
            case NC_SHORT -> b.getShort();
            case NC_INT -> b.getInt();
            case NC_FLOAT -> b.getFloat();
            case NC_DOUBLE -> b.getDouble();
            default -> throw new IllegalArgumentException("netCDF type " + type + " is not numeric");
        };
    }

    private static int bytesOf(int type) {
        return switch (type) {
            case NC_BYTE, NC_CHAR -> 1;
            case NC_SHORT -> 2;
            case NC_INT, NC_FLOAT -> 4;
            case NC_DOUBLE -> 8;
            default -> throw new IllegalArgumentException("unknown netCDF type " + type);
        };
    }

    private static long elementCount(int[] shape, int from) {
        long n = 1;
        for (int i = from; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    private static String readName(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = in.readNBytes(length);
        in.skipNBytes(padding(length));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int padding(long bytes) {
        return (int) ((4 - bytes % 4) % 4);
    }

    private static Map<String, Object> readAttributes(DataInputStream in) throws IOException {
        int tag = in.readInt();
        int count = in.readInt();
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (tag != NC_ATTRIBUTE) {
            if (tag != 0 || count != 0) {
                throw new IOException("bad attribute list in the netCDF-3 header");
            }
            return attributes;
        }
        for (int i = 0; i < count; i++) {
            String name = readName(in);
            int type = in.readInt();
            int n = in.readInt();
            if (type == NC_CHAR) {
                byte[] text = in.readNBytes(n);
                in.skipNBytes(padding(n));
                attributes.put(name, new String(text, StandardCharsets.UTF_8).replace("\0", ""));
            } else {
                int size = bytesOf(type);
                ByteBuffer b = ByteBuffer.wrap(in.readNBytes(n * size)).order(ByteOrder.BIG_ENDIAN);
                in.skipNBytes(padding((long) n * size));
                double[] values = new double[n];
                for (int k = 0; k < n; k++) {
                    values[k] = value(b, type);
                }
                attributes.put(name, values);
            }
        }
        return attributes;
    }
}
