package org.eemt.geo.raster;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one Lerc2 blob (Esri's Limited Error Raster Compression, blob versions 3 and 4, the ones
 * GDAL writes as "LERC_VERSION=2.4" into TIFF strips and tiles, compression 34887): a header, the
 * valid-pixel mask (run-length coded bits), then the values, either all valid values raw or in
 * micro-blocks of 8 x 8 cells, each raw, constant, or quantized as {@code offset + n * 2 * maxZError}
 * (clamped to the blob's maximum) with the integers n bit-stuffed, directly or through a lookup table.
 * Every decoded value is within {@code maxZError} of the encoded one; integers with
 * {@code maxZError = 0.5} and floats with 0 are lossless.
 *
 * <p>Ported to Java from Esri's Apache-2.0 LERC sources (the JavaScript decoder of the npm package
 * {@code lerc} 3.0.0 and {@code Lerc2.h} of github.com/Esri/lerc); see NOTICE. The Huffman coding
 * Lerc2 uses for 8-bit samples is not decoded: such blobs are refused.
 */
final class Lerc2 {
    /** The decoded blob: pixel-interleaved values ({@code depth} per cell), NaN where the valid-pixel mask is false. */
    record Decoded(int width, int height, int depth, double[] values) {
    }

    private static final int MICRO_BLOCK_CHECK_BITS = 15;

    private Lerc2() {
    }

    /** Decodes the blob at the buffer's position (the buffer's byte order is ignored: Lerc2 is little-endian). */
    static Decoded decode(ByteBuffer buffer) throws IOException {
        ByteBuffer in = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            return decodeBlob(in);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IOException("truncated LERC blob");
        }
    }

    private static Decoded decodeBlob(ByteBuffer in) throws IOException {
        byte[] id = new byte[6];
        in.get(id);
        if (!"Lerc2 ".equals(new String(id, StandardCharsets.US_ASCII))) {
            throw new IOException("not a Lerc2 blob");
        }
        int version = in.getInt();
        if (version != 3 && version != 4) {
            throw new IOException("Lerc2 blob version " + version + " (versions 3 and 4 are decoded)");
        }
        int checksum = in.getInt();
        int height = in.getInt();
        int width = in.getInt();
        int depth = version >= 4 ? in.getInt() : 1;
        int numValid = in.getInt();
        int microBlockSize = in.getInt();
        int blobSize = in.getInt();
        int dataType = in.getInt();
        double maxZError = in.getDouble();
        double zMin = in.getDouble();
        double zMax = in.getDouble();
        if (width <= 0 || height <= 0 || depth <= 0 || (long) width * height * depth > Integer.MAX_VALUE || microBlockSize <= 0
                || dataType < 0 || dataType > 7 || blobSize > in.limit() || blobSize < in.position()) {
            throw new IOException("corrupt Lerc2 header");
        }
        if (fletcher32(in, 14, blobSize) != checksum) {
            throw new IOException("Lerc2 blob checksum mismatch");
        }
        int cells = width * height;
        boolean[] valid = readMask(in, cells, numValid);
        double[] values = new double[cells * depth];
        java.util.Arrays.fill(values, Double.NaN);
        Decoded decoded = new Decoded(width, height, depth, values);
        if (numValid == 0) {
            return decoded;
        }
        double[] dimMin = new double[depth];
        double[] dimMax = new double[depth];
        java.util.Arrays.fill(dimMin, zMin);
        java.util.Arrays.fill(dimMax, zMax);
        boolean constant = zMin == zMax;
        if (!constant && version >= 4) {
            for (int d = 0; d < depth; d++) {
                dimMin[d] = read(in, dataType);
            }
            constant = true;
            for (int d = 0; d < depth; d++) {
                dimMax[d] = read(in, dataType);
                constant &= dimMin[d] == dimMax[d];
            }
        }
        if (constant) {
            for (int k = 0; k < cells; k++) {
                for (int d = 0; d < depth && valid[k]; d++) {
                    values[k * depth + d] = dimMax[d];
                }
            }
            return decoded;
        }
        boolean oneSweep = in.get() != 0;
        if (oneSweep) {
            for (int k = 0; k < cells; k++) {
                for (int d = 0; d < depth && valid[k]; d++) {
                    values[k * depth + d] = read(in, dataType);
                }
            }
            return decoded;
        }
        if (dataType <= 1 && Math.abs(maxZError - 0.5) < 1e-5 && in.get() != 0) {
            throw new IOException("Huffman-coded 8-bit Lerc2 blob");
        }
        readMicroBlocks(in, decoded, valid, dataType, microBlockSize, maxZError, dimMax);
        return decoded;
    }

    /** The valid-pixel mask: all valid, none, or run-length coded bits, most significant first. */
    private static boolean[] readMask(ByteBuffer in, int cells, int numValid) throws IOException {
        int numBytes = in.getInt();
        boolean[] valid = new boolean[cells];
        if (numValid == cells || numValid == 0) {
            java.util.Arrays.fill(valid, numValid == cells);
            in.position(in.position() + numBytes);
            return valid;
        }
        if (numBytes == 0) {
            // a later band's blob refers to the mask of the band before: one blob per band, not decoded
            throw new IOException("Lerc2 blob without its valid-pixel mask");
        }
        int end = in.position() + numBytes;
        byte[] bits = new byte[(cells + 7) / 8];
        int out = 0;
        while (true) {
            int count = in.getShort();
            if (count == -32768) {
                break;
            }
            if (count > 0) {
                in.get(bits, out, count);
                out += count;
            } else {
                java.util.Arrays.fill(bits, out, out - count, in.get());
                out -= count;
            }
        }
        if (out != bits.length || in.position() != end) {
            throw new IOException("corrupt Lerc2 valid-pixel mask");
        }
        for (int k = 0; k < cells; k++) {
            valid[k] = (bits[k >> 3] & (0x80 >> (k & 7))) != 0;
        }
        return valid;
    }

    private static void readMicroBlocks(ByteBuffer in, Decoded out, boolean[] valid, int dataType, int size,
            double maxZError, double[] dimMax) throws IOException {
        int width = out.width();
        int depth = out.depth();
        double[] values = out.values();
        double scale = 2 * maxZError;
        for (int y0 = 0; y0 < out.height(); y0 += size) {
            int y1 = Math.min(y0 + size, out.height());
            for (int x0 = 0; x0 < width; x0 += size) {
                int x1 = Math.min(x0 + size, width);
                int blockValid = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        blockValid += valid[y * width + x] ? 1 : 0;
                    }
                }
                for (int d = 0; d < depth; d++) {
                    int header = in.get() & 0xFF;
                    if (((header >> 2) & MICRO_BLOCK_CHECK_BITS) != ((x0 >> 3) & MICRO_BLOCK_CHECK_BITS)) {
                        throw new IOException("corrupt Lerc2 micro-block");
                    }
                    int encoding = header & 3;
                    double[] block = new double[blockValid];
                    if (encoding == 0) {
                        for (int i = 0; i < blockValid; i++) {
                            block[i] = read(in, dataType);
                        }
                    } else if (encoding == 1 || encoding == 3) {
                        double offset = read(in, reducedType(dataType, header >> 6));
                        if (encoding == 1) {
                            long[] n = bitStuffed(in);
                            if (n.length != blockValid) {
                                throw new IOException("corrupt Lerc2 micro-block");
                            }
                            for (int i = 0; i < blockValid; i++) {
                                block[i] = Math.min(offset + n[i] * scale, dimMax[d]);
                            }
                        } else {
                            java.util.Arrays.fill(block, offset);
                        }
                    } else if (encoding != 2) {
                        throw new IOException("corrupt Lerc2 micro-block");
                    }
                    int i = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            if (valid[y * width + x]) {
                                values[(y * width + x) * depth + d] = asType(block[i++], dataType);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Bit-stuffed unsigned integers (Lerc2 version 3 and later: least significant bit first): a header byte
     * (bits 6-7 the width of the count, bit 5 lookup table, bits 0-4 bits per value), the count, then either
     * the values or a lookup table (value 0 implicit) and the indices into it.
     */
    private static long[] bitStuffed(ByteBuffer in) throws IOException {
        int header = in.get() & 0xFF;
        int countBytes = switch (header >> 6) {
            case 0 -> 4;
            case 1 -> 2;
            case 2 -> 1;
            default -> throw new IOException("corrupt Lerc2 bit-stuffed block");
        };
        long count = countBytes == 4 ? in.getInt() & 0xFFFFFFFFL : countBytes == 2 ? in.getShort() & 0xFFFF : in.get() & 0xFF;
        int bits = header & 31;
        if (count > Integer.MAX_VALUE) {
            throw new IOException("corrupt Lerc2 bit-stuffed block");
        }
        if ((header & 32) == 0) {
            return unpack(in, (int) count, bits);
        }
        int tableSize = in.get() & 0xFF;
        if (tableSize < 2) {
            throw new IOException("corrupt Lerc2 lookup table");
        }
        long[] table = new long[tableSize];
        System.arraycopy(unpack(in, tableSize - 1, bits), 0, table, 1, tableSize - 1);
        int indexBits = 32 - Integer.numberOfLeadingZeros(tableSize - 1);
        long[] n = unpack(in, (int) count, indexBits);
        for (int i = 0; i < n.length; i++) {
            if (n[i] >= tableSize) {
                throw new IOException("corrupt Lerc2 lookup table index");
            }
            n[i] = table[(int) n[i]];
        }
        return n;
    }

    /** {@code count} unsigned integers of {@code bits} bits each, packed least significant bit first into whole bytes. */
    private static long[] unpack(ByteBuffer in, int count, int bits) {
        long[] out = new long[count];
        long buffer = 0;
        int held = 0;
        long mask = (1L << bits) - 1;
        for (int i = 0; i < count && bits > 0; i++) {
            while (held < bits) {
                buffer |= (in.get() & 0xFFL) << held;
                held += 8;
            }
            out[i] = buffer & mask;
            buffer >>>= bits;
            held -= bits;
        }
        return out;
    }

    /** The type of a micro-block's offset, reduced by the header's type code (bits 6-7) as Lerc2 defines it. */
    private static int reducedType(int dataType, int code) throws IOException {
        int t = switch (dataType) {
            case 2, 4 -> dataType - code;
            case 3, 5 -> dataType - 2 * code;
            case 6 -> code == 0 ? 6 : code == 1 ? 2 : 1;
            case 7 -> code == 0 ? 7 : 7 - 2 * code + 1;
            default -> dataType;
        };
        if (t < 0 || t > 7) {
            throw new IOException("corrupt Lerc2 offset type");
        }
        return t;
    }

    /** One value of a Lerc2 data type: 0 Int8, 1 UInt8, 2 Int16, 3 UInt16, 4 Int32, 5 UInt32, 6 Float32, 7 Float64. */
    private static double read(ByteBuffer in, int dataType) {
        return switch (dataType) {
            case 0 -> in.get();
            case 1 -> in.get() & 0xFF;
            case 2 -> in.getShort();
            case 3 -> in.getShort() & 0xFFFF;
            case 4 -> in.getInt();
            case 5 -> in.getInt() & 0xFFFFFFFFL;
            case 6 -> in.getFloat();
            default -> in.getDouble();
        };
    }

    /** A decoded value stored in the blob's data type (C's conversion: integers truncated, floats rounded). */
    private static double asType(double z, int dataType) {
        return switch (dataType) {
            case 6 -> (float) z;
            case 7 -> z;
            default -> (long) z;
        };
    }

    /** Fletcher-32 of bytes [from, to) as Lerc2 computes it (16-bit words, big-endian pairs, odd byte last). */
    private static int fletcher32(ByteBuffer in, int from, int to) {
        long sum1 = 0xFFFF;
        long sum2 = 0xFFFF;
        int words = (to - from) / 2;
        int i = from;
        while (words > 0) {
            int run = Math.min(words, 359);
            words -= run;
            for (int k = 0; k < run; k++) {
                sum1 += (in.get(i++) & 0xFF) << 8;
                sum1 += in.get(i++) & 0xFF;
                sum2 += sum1;
            }
            sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
            sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
        }
        if (((to - from) & 1) != 0) {
            sum1 += (in.get(i) & 0xFF) << 8;
            sum2 += sum1;
        }
        sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
        sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
        return (int) (sum2 << 16 | sum1);
    }
}
