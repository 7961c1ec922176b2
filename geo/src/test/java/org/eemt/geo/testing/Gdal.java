package org.eemt.geo.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** GDAL as the tests' oracle for GeoTIFF files (the cells it reads, its COG validator) and as their maker (windows of the sample DEM). */
public final class Gdal {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private Gdal() {
    }

    /**
     * A window of the sample DEM ({@link TestData#sampleDem}) cut by {@code gdal_translate -srcwin}, as a user cuts one:
     * {@code columns} x {@code rows} cells from column {@code x0} and row {@code y0}, written to {@code dir/name}.
     */
    public static Path sampleDemWindow(Path dir, int x0, int y0, int columns, int rows, String name) throws IOException, InterruptedException {
        ExternalTool.require("gdal_translate");
        Path out = dir.resolve(name);
        ExternalTool.run(dir, List.of("gdal_translate", "-q", "-srcwin", String.valueOf(x0), String.valueOf(y0), String.valueOf(columns),
                String.valueOf(rows), TestData.sampleDem().toString(), out.toString()));
        return out;
    }

    /** Band 1 of a raster (or of its overview {@code overview} >= 0) as GDAL reads it, as Float32, row-major. */
    public static float[] read(Path dir, Path raster, int overview) throws IOException, InterruptedException {
        ByteBuffer b = envi(dir, raster, "Float32", 1, overview);
        float[] cells = new float[b.remaining() / 4];
        b.asFloatBuffer().get(cells);
        return cells;
    }

    /** Band {@code band} (1-based) of a raster as GDAL reads it, as Float64 (every Int32 and Float64 exactly), row-major. */
    public static double[] readDoubles(Path dir, Path raster, int band) throws IOException, InterruptedException {
        ByteBuffer b = envi(dir, raster, "Float64", band, -1);
        double[] cells = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(cells);
        return cells;
    }

    private static ByteBuffer envi(Path dir, Path raster, String type, int band, int overview) throws IOException, InterruptedException {
        ExternalTool.require("gdal_translate");
        Path bin = Files.createTempFile(dir, "gdal-", ".bin");
        ExternalTool.run(dir, List.of("gdal_translate", "-q", "-of", "ENVI", "-ot", type, "-b", String.valueOf(band),
                "-ovr", overview < 0 ? "NONE" : String.valueOf(overview), raster.toString(), bin.toString()));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN);
        Files.delete(bin);
        Files.deleteIfExists(Path.of(bin.toString().replaceFirst("\\.bin$", ".hdr")));
        Files.deleteIfExists(Path.of(bin + ".aux.xml"));
        return b;
    }

    /**
     * Runs GDAL's Cloud-Optimized GeoTIFF validator ({@code validate_cloud_optimized_geotiff.py}
     * of python3-gdal, with the full check of block leaders and trailers); fails with its output
     * when the file is not a valid COG, returns its output otherwise.
     */
    public static String validateCog(Path dir, Path tif) throws IOException, InterruptedException {
        return ExternalTool.run(dir, List.of(PYTHON, "-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                "--full-check=yes", tif.toString()));
    }
}
