package org.eemt.geo.raster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads windows of a {@link Mosaic}, opening only the sources a window touches (each at most once
 * per reader), so that a task reading its tile and halo opens a few tiles of a national mosaic.
 * Sources are laid down in the mosaic's order, a later one over an earlier one ({@link Mosaic}).
 */
public final class MosaicReader implements RasterInput {
    private final Mosaic mosaic;
    private final Map<String, GeoTiffReader> open = new HashMap<>();
    /** Whether implausible elevations are NoData, as {@link GeoTiffReader#openDem} reads them. */
    private final boolean dem;

    public MosaicReader(Mosaic mosaic) {
        this(mosaic, false);
    }

    MosaicReader(Mosaic mosaic, boolean dem) {
        this.mosaic = mosaic;
        this.dem = dem;
    }

    @Override
    public RasterGrid grid() {
        return mosaic.grid();
    }

    @Override
    public float[] read(PixelWindow window) {
        double[] cells = readDoubles(window);
        float[] out = new float[cells.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) cells[i];
        }
        return out;
    }

    @Override
    public double[] readDoubles(PixelWindow window) {
        double[] out = new double[Math.toIntExact(window.cells())];
        Arrays.fill(out, Double.NaN);
        for (MosaicSource s : mosaic.sources()) {
            PixelWindow part = s.overlap(window);
            if (part == null) {
                continue;
            }
            GeoTiffReader reader = open.computeIfAbsent(s.location(), GeoTiffReader::open);
            double[] cells = reader.readDoubles(s.sourceCells(part), s.band() - 1);
            for (int r = 0; r < part.height(); r++) {
                int to = window.index(part.x0(), part.y0() + r);
                for (int c = 0, from = r * part.width(); c < part.width(); c++, from++) {
                    double v = cells[from];
                    if (!s.noDataTransparent() || !(Double.isNaN(v) || v == s.noData())) {
                        out[to + c] = v;
                    } else if (Double.isNaN(out[to + c])) {
                        out[to + c] = Double.isNaN(v) ? v : Double.NaN; // NoData stays NoData, with the file's own NaN bits
                    }
                }
            }
        }
        double noData = mosaic.noData();
        for (int i = 0; i < out.length; i++) {
            if (mosaic.float32()) {
                out[i] = (float) out[i];
            }
            if (out[i] == noData || (float) out[i] == (float) noData || (dem && !GeoTiffReader.plausibleElevation(out[i]))) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** How many source files this reader has opened (each once). */
    int sourcesOpened() {
        return open.size();
    }

    @Override
    public void close() {
        for (GeoTiffReader r : open.values()) {
            r.close();
        }
        open.clear();
    }
}
