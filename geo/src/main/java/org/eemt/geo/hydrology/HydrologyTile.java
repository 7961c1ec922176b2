package org.eemt.geo.hydrology;

import java.io.Serializable;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * One tile of the DEM on a worker, before filling: the elevations of its cells (its core) and
 * where they lie in the DEM. The fill pass takes the filled elevations of the one-cell ring around
 * the tile ({@link Ring} order over the padded rectangle) from the driver and returns the tile's
 * perimeter; once the ring is final, {@link #settle} makes the tile's {@link FlowTile}. Passes are
 * pure functions of the tile and their input, so a lost task can simply be run again.
 *
 * @param dem       the whole DEM's grid (for metric cell sizes and its edges)
 * @param core      the tile's cells
 * @param elevation     elevations (m) of the core, row-major, NaN = NoData
 * @param ringElevation elevations (m) of the ring around the core as given ({@link Ring} order over
 *                      the padded rectangle, NaN = NoData or outside the DEM): the SAGA index routes
 *                      over the DEM as given
 */
public record HydrologyTile(RasterGrid dem, PixelWindow core, float[] elevation, float[] ringElevation) implements Serializable {

    public HydrologyTile {
        if (elevation.length != core.cells() || ringElevation.length != Ring.size(core.width() + 2, core.height() + 2)) {
            throw new IllegalArgumentException(elevation.length + " elevations and " + ringElevation.length
                    + " ring elevations for a tile of " + core.width() + "x" + core.height());
        }
    }

    /** The tile of {@code core} from the elevations of {@link #window} (row-major, NaN = NoData). */
    public static HydrologyTile of(RasterGrid dem, PixelWindow core, float[] windowElevation) {
        PixelWindow window = window(dem, core);
        int pw = core.width() + 2;
        int ph = core.height() + 2;
        float[] padded = new float[pw * ph];
        java.util.Arrays.fill(padded, Float.NaN);
        for (int r = 0; r < window.height(); r++) {
            for (int c = 0; c < window.width(); c++) {
                padded[(window.y0() + r - core.y0() + 1) * pw + window.x0() + c - core.x0() + 1] = windowElevation[r * window.width() + c];
            }
        }
        float[] elevation = new float[Math.toIntExact(core.cells())];
        for (int y = 0; y < core.height(); y++) {
            System.arraycopy(padded, (y + 1) * pw + 1, elevation, y * core.width(), core.width());
        }
        float[] ring = new float[Ring.size(pw, ph)];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = padded[Ring.y(pw, ph, i) * pw + Ring.x(pw, ph, i)];
        }
        return new HydrologyTile(dem, core, elevation, ring);
    }

    /** The cells to read for the tile of {@code core}: the core and its ring, clipped to the DEM. */
    public static PixelWindow window(RasterGrid dem, PixelWindow core) {
        return core.expandClipped(1, dem.columns(), dem.rows());
    }

    /** Fill pass: the ε-filled elevations of the tile's perimeter cells given the ring's filled elevations. */
    public float[] fillPerimeter(float[] ring) {
        float[] padded = filled(ring);
        int w = core.width();
        int h = core.height();
        float[] out = new float[Ring.size(w, h)];
        for (int i = 0; i < out.length; i++) {
            out[i] = padded[(Ring.y(w, h, i) + 1) * (w + 2) + Ring.x(w, h, i) + 1];
        }
        return out;
    }

    /** The filled tile with its flow directions (those of the index {@code wetness}) and order, from the final ring. */
    public FlowTile settle(float[] ring, WetnessSettings wetness) {
        float[] padded = filled(ring);
        int pw = core.width() + 2;
        int ph = core.height() + 2;
        boolean standard = wetness.kind() == WetnessSettings.Kind.STANDARD;
        float[] surface = standard ? padded : asGiven();
        double[] dx = FlowTile.rowSizes(dem, core, true);
        double[] dy = FlowTile.rowSizes(dem, core, false);
        return new FlowTile(dem, core, padded, surface, standard ? DInfinity.of(padded, pw, ph, dx, dy) : null,
                standard ? null : MultipleFlowDirection.of(surface, pw, ph, dx, dy),
                UpslopeArea.downstreamOrder(surface, pw, ph), wetness);
    }

    /** The core and its ring as given, padded. */
    private float[] asGiven() {
        return padded(ringElevation);
    }

    private float[] filled(float[] ring) {
        float[] padded = padded(ring);
        EpsilonFill.fill(padded, core.width() + 2, core.height() + 2);
        return padded;
    }

    private float[] padded(float[] ring) {
        int w = core.width();
        int h = core.height();
        int pw = w + 2;
        int ph = h + 2;
        if (ring.length != Ring.size(pw, ph)) {
            throw new IllegalArgumentException(ring.length + " ring values for a tile of " + w + "x" + h);
        }
        float[] padded = new float[pw * ph];
        for (int i = 0; i < ring.length; i++) {
            padded[Ring.y(pw, ph, i) * pw + Ring.x(pw, ph, i)] = ring[i];
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(elevation, y * w, padded, (y + 1) * pw + 1, w);
        }
        return padded;
    }
}
