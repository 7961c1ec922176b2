package org.eemt.job.outputs;

import java.io.Serializable;

/**
 * One output raster of a run: its path inside the output directory without extension (for
 * example {@code terrain/slope}; the file is {@code terrain/slope.tif}, or {@code .vrt} over
 * per-tile files for large DEMs), its unit and a one-line description.
 */
public record Product(String path, String unit, String description) implements Serializable {

    /** The last path segment, e.g. {@code slope}. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
