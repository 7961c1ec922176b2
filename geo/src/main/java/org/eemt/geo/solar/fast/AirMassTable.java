package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.OpticalAirMass;

/**
 * The sea-level relative air mass of {@link OpticalAirMass} (SCIENCE.md Eq. 2.8 at z = 0) read from a
 * table of {@value #INTERVALS} intervals over {@code sin h0 ∈ [0, 1]} with linear interpolation
 * (relative error below 1e-6, ClearSkyTablesTest). The table is a constant of the model, so results
 * never depend on the tile.
 */
final class AirMassTable {
    static final int INTERVALS = 32768;
    private static final double[] SEA_LEVEL = new double[INTERVALS + 2];

    static {
        for (int i = 0; i <= INTERVALS + 1; i++) {
            SEA_LEVEL[i] = OpticalAirMass.atSeaLevel(Math.min(1.0, (double) i / INTERVALS));
        }
    }

    private AirMassTable() {
    }

    /** The sea-level relative air mass for a sun with {@code sin h0} in [0, 1], from the table. */
    static double atSeaLevel(double sinAltitude) {
        double u = sinAltitude * INTERVALS;
        int i = (int) u;
        double w = u - i;
        return SEA_LEVEL[i] + w * (SEA_LEVEL[i + 1] - SEA_LEVEL[i]);
    }
}
