package org.eemt.geo.hydrology;

import java.io.Serializable;

/**
 * What the finishing pass makes for one tile, row-major over its core, NaN = NoData: the
 * ε-filled DEM (m), the specific catchment area (m²/m) and the TWI; plus the area (m²) leaving
 * the DEM through the tile's outlets, and the sum and count of its valid TWI values (for the
 * mean TWI of the MCWI, a distributed reduction).
 */
public record TileProducts(float[] filled, float[] sca, float[] twi, double leavingArea, double twiSum, long twiCount)
        implements Serializable {
}
