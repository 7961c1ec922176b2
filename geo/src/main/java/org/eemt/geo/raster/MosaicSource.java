package org.eemt.geo.raster;

import java.io.Serializable;

/**
 * One GeoTIFF of a mosaic: the cells {@code source} of its band {@code band} (1-based) land on the
 * cells {@code target} of the mosaic's grid (same size: a mosaic never resamples).
 *
 * <p>With {@code noDataTransparent} the source's NoData cells (its {@code GDAL_NODATA} value, and
 * {@code noData} when that is a number: GDAL's {@code <NODATA>} of a VRT source) leave the value of
 * an earlier source visible; otherwise every cell of {@code target} is replaced, NoData included.
 */
public record MosaicSource(String location, int band, PixelWindow source, PixelWindow target,
                           boolean noDataTransparent, double noData) implements Serializable {

    public MosaicSource {
        if (source.width() != target.width() || source.height() != target.height()) {
            throw new IllegalArgumentException("source " + source + " and target " + target + " differ in size");
        }
    }

    /** The part of {@code window} (mosaic cells) this source covers, or {@code null} when it covers none. */
    PixelWindow overlap(PixelWindow window) {
        int ax = Math.max(window.x0(), target.x0());
        int ay = Math.max(window.y0(), target.y0());
        int bx = Math.min(window.x0() + window.width(), target.x0() + target.width());
        int by = Math.min(window.y0() + window.height(), target.y0() + target.height());
        return ax < bx && ay < by ? new PixelWindow(ax, ay, bx - ax, by - ay) : null;
    }

    /** The source file's cells behind mosaic cells {@code part} (inside {@link #target}). */
    PixelWindow sourceCells(PixelWindow part) {
        return new PixelWindow(source.x0() + part.x0() - target.x0(), source.y0() + part.y0() - target.y0(),
                part.width(), part.height());
    }
}
