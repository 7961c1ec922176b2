package org.eemt.geo.hydrology;

import java.io.Serializable;

/**
 * What the driver sends a tile for its flow and finishing passes: the ε-filled elevations (m) of
 * the ring around the tile ({@link Ring} order over the padded rectangle, NaN outside the DEM)
 * and the area (m²) flowing into each of its perimeter cells from other tiles ({@link Ring} order
 * over the core).
 */
public record TileBoundary(float[] ring, double[] inflow) implements Serializable {
}
