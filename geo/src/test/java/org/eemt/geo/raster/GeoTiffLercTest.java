package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LERC GeoTIFFs as GDAL writes them ({@code gdal_translate -co COMPRESS=LERC | LERC_DEFLATE | LERC_ZSTD},
 * lossless and with {@code MAX_Z_ERROR}), made at test time from the sample DEM: every data type of the
 * conformance matrix, strips (a shorter last strip) and tiles (partial edge tiles), a flat DEM, NoData set, unset
 * and NaN (LERC's valid-pixel mask), BigTIFF, and two-band pixel-interleaved files (one blob of two values
 * per cell). The project's reader gives GDAL's read of the file cell for cell, and lossy files stay within
 * MAX_Z_ERROR of the uncompressed cells. LERC that is not decoded (8-bit samples, Huffman-coded) or not
 * trustworthy (big-endian files: libtiff hands the encoder byte-swapped samples, so GDAL's own read
 * differs from what was written) is refused with the fix.
 */
class GeoTiffLercTest {
    @TempDir
    static Path tmp;

    private static final int WIDTH = 301;
    private static final int HEIGHT = 203;

    /** The sample DEM resampled to 301 x 203 with NoData -9999, with NaN NoData, and without NoData (no NoData cells). */
    @BeforeAll
    static void bases() throws Exception {
        ExternalTool.require("gdalwarp");
        for (String[] base : new String[][] {{"nd", "-9999"}, {"nan", "nan"}}) {
            ExternalTool.run(tmp, List.of("gdalwarp", "-q", "-ts", String.valueOf(WIDTH), String.valueOf(HEIGHT), "-r", "bilinear",
                    "-ot", "Float64", "-dstnodata", base[1], TestData.sampleDem().toString(), tmp.resolve(base[0] + ".tif").toString()));
        }
        ExternalTool.run(tmp, List.of("gdalwarp", "-q", "-ts", String.valueOf(WIDTH), String.valueOf(HEIGHT), "-r", "bilinear",
                "-ot", "Float64", "-dstnodata", "None", TestData.shared("dem/peru_mongon_utm17s_30m.tif").toString(),
                tmp.resolve("none.tif").toString()));
        // a flat DEM (every cell 1234 m): a constant Lerc2 blob, no cell values stored
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-scale", "0", "1", "1234", "1234", tmp.resolve("none.tif").toString(),
                tmp.resolve("flat.tif").toString()));
        // two bands, pixel-interleaved: one Lerc2 blob of two values per cell (GDAL 3.6 cannot read back the
        // two-band float files it writes with NaN cells, lerc_decode() fails: so two-band bases without NaN)
        ExternalTool.run(tmp, List.of("gdalbuildvrt", "-q", "-separate", tmp.resolve("nd2.vrt").toString(),
                tmp.resolve("nd.tif").toString(), tmp.resolve("nd.tif").toString()));
        ExternalTool.run(tmp, List.of("gdalbuildvrt", "-q", "-separate", tmp.resolve("none2.vrt").toString(),
                tmp.resolve("none.tif").toString(), tmp.resolve("none.tif").toString()));
    }

    /** A case: the base, the data type, the compression, MAX_Z_ERROR (0: lossless) and further creation options. */
    private record Case(String base, String type, String compression, double maxZError, String... options) {
        String name() {
            return base + "-" + type + "-" + compression.toLowerCase() + (maxZError > 0 ? "-maxzerror" + maxZError : "")
                    + (options.length > 0 ? "-" + String.join("-", options).replace("=", "").toLowerCase() : "");
        }
    }

    @Test
    void everyLercLayoutReadsAsGdalReadsItAndLossyOnesWithinMaxZError() throws Exception {
        String strips = "BLOCKYSIZE=17";
        String tiles = "TILED=YES";
        Case[] cases = {
                new Case("nd", "Int16", "LERC", 0, strips), new Case("nd", "Int16", "LERC_ZSTD", 0, tiles),
                new Case("none", "UInt16", "LERC", 0, tiles), new Case("none", "UInt16", "LERC_DEFLATE", 0.5, strips),
                new Case("nd", "Int32", "LERC_DEFLATE", 0, tiles), new Case("nd", "Int32", "LERC", 0.5, strips),
                new Case("nd", "Int16", "LERC", 2, tiles), new Case("flat", "Int32", "LERC", 0, strips),
                new Case("nd", "Float32", "LERC", 0, strips), new Case("nan", "Float32", "LERC", 0, tiles),
                new Case("nan", "Float32", "LERC_ZSTD", 0.5, strips), new Case("none", "Float32", "LERC_DEFLATE", 0.5, tiles),
                new Case("nd", "Float32", "LERC", 0.5, tiles, "BLOCKXSIZE=512", "BLOCKYSIZE=512"),
                new Case("nan", "Float64", "LERC", 0, strips, "BIGTIFF=YES"), new Case("nd", "Float64", "LERC_ZSTD", 0, tiles),
                new Case("nan", "Float64", "LERC_DEFLATE", 0.5, tiles), new Case("none", "Float64", "LERC", 0.5, strips),
                new Case("nd2", "Float32", "LERC", 0, tiles, "INTERLEAVE=PIXEL"),
                new Case("nd2", "Float64", "LERC", 0.5, strips, "INTERLEAVE=PIXEL"),
                new Case("none2", "Int16", "LERC_DEFLATE", 0, tiles, "INTERLEAVE=PIXEL"),
        };
        List<String> summary = new ArrayList<>();
        for (Case c : cases) {
            Path source = tmp.resolve(c.base + (c.base.endsWith("2") ? ".vrt" : ".tif"));
            Path uncompressed = translate(c, source, List.of());
            List<String> lerc = new ArrayList<>(List.of("-co", "COMPRESS=" + c.compression));
            if (c.maxZError > 0) {
                lerc.addAll(List.of("-co", "MAX_Z_ERROR=" + c.maxZError));
            }
            Path file = translate(c, source, lerc);
            String info = ExternalTool.run(tmp, List.of("gdalinfo", file.toString()));
            assertTrue(info.contains("COMPRESSION=" + c.compression + "\n") || info.contains("COMPRESSION=" + c.compression + "\r"),
                    c.name() + "\n" + info);
            int bands = c.base.endsWith("2") ? 2 : 1;
            for (int band = 1; band <= bands; band++) {
                summary.add(c.name() + (bands > 1 ? " band " + band : "") + ": " + compare(c, file, uncompressed, band));
            }
        }
        System.out.println("LERC matrix, " + cases.length + " files:\n  " + String.join("\n  ", summary));
    }

    private static Path translate(Case c, Path source, List<String> compression) throws Exception {
        Path file = tmp.resolve(c.name() + (compression.isEmpty() ? "-uncompressed" : "") + ".tif");
        List<String> command = new ArrayList<>(List.of("gdal_translate", "-q", "-ot", c.type));
        for (String option : c.options) {
            command.addAll(List.of("-co", option));
        }
        command.addAll(compression);
        if (c.base.startsWith("none") || c.base.equals("flat")) {
            command.addAll(List.of("-a_nodata", "none"));
        }
        command.addAll(List.of(source.toString(), file.toString()));
        ExternalTool.run(tmp, command);
        return file;
    }

    /**
     * Asserts the reader's cells are GDAL's read of the file (NoData as NaN) and within MAX_Z_ERROR of the
     * uncompressed ones (equal when lossless); the figures.
     */
    private static String compare(Case c, Path file, Path uncompressed, int band) throws Exception {
        double[] original = Gdal.readDoubles(tmp, uncompressed, band);
        double[] gdal = Gdal.readDoubles(tmp, file, band);
        double[] ours;
        double noData;
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            assertEquals(WIDTH, reader.grid().columns(), c.name());
            assertEquals(HEIGHT, reader.grid().rows(), c.name());
            ours = reader.readDoubles(reader.grid().extent(), band - 1);
            noData = reader.noData();
        }
        assertEquals(original.length, ours.length, c.name());
        int valid = 0;
        double maxError = 0;
        for (int i = 0; i < original.length; i++) {
            double expected = gdal[i] == noData ? Double.NaN : gdal[i];
            if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(ours[i])) {
                throw new AssertionError(c.name() + " band " + band + ": cell " + i + " is " + ours[i] + ", GDAL reads " + expected);
            }
        }
        for (int i = 0; i < original.length; i++) {
            double before = original[i] == noData ? Double.NaN : original[i];
            assertEquals(Double.isNaN(before), Double.isNaN(ours[i]), c.name() + ": NoData of cell " + i);
            if (!Double.isNaN(before)) {
                valid++;
                maxError = Math.max(maxError, Math.abs(ours[i] - before));
            }
        }
        assertTrue(valid > 0.5 * original.length, c.name() + ": " + valid + " valid cells");
        if (c.maxZError == 0 || c.type.contains("Int") && c.maxZError == 0.5) {
            assertEquals(0, maxError, c.name() + ": lossless");
        } else {
            assertTrue(maxError > 0 && maxError <= c.maxZError, c.name() + ": max |error| " + maxError);
        }
        return String.format("%d valid cells, NoData %d, all equal to GDAL's read, max |decoded - uncompressed| = %.4g",
                valid, original.length - valid, maxError);
    }

    @Test
    void eightBitAndBigEndianLercAreRefusedWithTheFix() throws Exception {
        String[][] refused = {{"Byte", "LITTLE", "LERC compression of 8-bit samples"},
                {"Float32", "BIG", "LERC compression in a big-endian TIFF"}};
        for (String[] r : refused) {
            Path file = tmp.resolve("refused-" + r[0] + "-" + r[1] + ".tif");
            ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-ot", r[0], "-co", "ENDIANNESS=" + r[1], "-co", "COMPRESS=LERC",
                    tmp.resolve("none.tif").toString(), file.toString()));
            assertTrue(Files.exists(file));
            String message = assertThrows(EemtException.class, () -> GeoTiffReader.open(file.toString()).close()).getMessage();
            assertTrue(message.contains(file.toString()) && message.contains(r[2]) && message.contains("gdal_translate"), message);
        }
    }

    @Test
    void aDamagedLercBlockStopsTheReadWithOneLine() throws Exception {
        Path file = tmp.resolve("damaged.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-ot", "Float32", "-co", "COMPRESS=LERC",
                tmp.resolve("nd.tif").toString(), file.toString()));
        byte[] bytes = Files.readAllBytes(file);
        int blob = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Lerc2 ");
        assertTrue(blob > 0);
        bytes[blob + 200] ^= 0x10;
        Files.write(file, bytes);
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            String message = assertThrows(EemtException.class, () -> reader.readDoubles(reader.grid().extent())).getMessage();
            assertTrue(message.contains(file.toString()) && message.contains("Lerc2 blob checksum mismatch"), message);
        }
    }
}
