package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.EsraClearSky;

/**
 * The ESRA clear sky of one Linke turbidity ({@link EsraClearSky}, SCIENCE.md Eq. 2.9–2.10) with its
 * beam transmittance τ read from a table over the air mass m ∈ [0, {@value #MAX_AIR_MASS}]
 * ({@value #PER_UNIT} entries per unit, linear interpolation, relative error below 1e-6,
 * ClearSkyTablesTest); larger air masses are computed exactly. The table depends on T_L only, never
 * on the tile.
 */
final class ClearSkyTable {
    static final double MAX_AIR_MASS = 48;
    static final int PER_UNIT = 512;

    private final EsraClearSky sky;
    /** τ at the left end of each table interval (its limit from the right) and its change across the interval. */
    private final double[] intervalStart;
    private final double[] intervalRise;

    ClearSkyTable(EsraClearSky sky) {
        this.sky = sky;
        int n = (int) (MAX_AIR_MASS * PER_UNIT);
        intervalStart = new double[n];
        intervalRise = new double[n];
        for (int i = 0; i < n; i++) {
            // limits from inside the interval: δR jumps (by 6e-4 relative) at m = 20, a table node
            double start = sky.beamTransmittance(Math.nextUp((double) i / PER_UNIT));
            double end = sky.beamTransmittance((double) (i + 1) / PER_UNIT);
            intervalStart[i] = start;
            intervalRise[i] = end - start;
        }
    }

    EsraClearSky sky() {
        return sky;
    }

    /** τ(m), from the table for m ≤ {@value #MAX_AIR_MASS}. */
    double beamTransmittance(double airMass) {
        double u = airMass * PER_UNIT;
        // intervals are closed on the right, so that m = 20 takes the m ≤ 20 formula
        int i = Math.max(0, (int) Math.ceil(u) - 1);
        if (i >= intervalStart.length) {
            return sky.beamTransmittance(airMass);
        }
        return intervalStart[i] + (u - i) * intervalRise[i];
    }

    /** D_h/G0 of {@link EsraClearSky#diffuseFraction}. */
    double diffuseFraction(double sinAltitude) {
        return sky.diffuseFraction(sinAltitude);
    }
}
