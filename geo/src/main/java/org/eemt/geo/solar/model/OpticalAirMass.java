package org.eemt.geo.solar.model;

/**
 * Relative optical air mass of the ESRA clear-sky model (Rigollier, Bauer &amp; Wald 2000, Eq. 3–4;
 * SCIENCE.md §2, "Beam"), for a sun at true altitude h0 above the horizon of a cell at elevation z:
 * <pre>
 *   h0r = h0 + 0.061359·(0.1594 + 1.123·h0 + 0.065656·h0²) / (1 + 28.9344·h0 + 277.3971·h0²)   (radians, refraction)
 *   m   = exp(−z/8434.5) / (sin h0r + 0.50572·(h0r° + 6.07995)^−1.6364)
 * </pre>
 * The air mass factors into an elevation factor {@code exp(−z/8434.5)} (once per cell) and a
 * sea-level air mass that depends on {@code sin h0} only, which {@link #atSeaLevel(double)} reads
 * from a table of {@value #INTERVALS} intervals over {@code sin h0 ∈ [0, 1]} with linear
 * interpolation (relative error below 1e-6, see the tests). The table is a constant of the model,
 * so results never depend on the tile.
 */
public final class OpticalAirMass {
    /** Scale height of the atmosphere in the elevation correction (m). */
    static final double SCALE_HEIGHT_METRES = 8434.5;
    static final int INTERVALS = 32768;
    private static final double[] SEA_LEVEL = new double[INTERVALS + 2];

    static {
        for (int i = 0; i <= INTERVALS + 1; i++) {
            SEA_LEVEL[i] = atSeaLevelExact(Math.min(1.0, (double) i / INTERVALS));
        }
    }

    private OpticalAirMass() {
    }

    /** The elevation factor exp(−z/8434.5) for an elevation in metres. */
    public static double elevationFactor(double elevationMetres) {
        return Math.exp(-elevationMetres / SCALE_HEIGHT_METRES);
    }

    /** Refraction-corrected altitude h0r (radians) of a true altitude h0 (radians). */
    public static double refractedAltitude(double altitudeRadians) {
        double h = altitudeRadians;
        return h + 0.061359 * (0.1594 + 1.123 * h + 0.065656 * h * h) / (1 + 28.9344 * h + 277.3971 * h * h);
    }

    /** The sea-level relative air mass for a sun with {@code sin h0} in (0, 1], computed exactly. */
    public static double atSeaLevelExact(double sinAltitude) {
        double h0r = refractedAltitude(Math.asin(sinAltitude));
        return 1.0 / (Math.sin(h0r) + 0.50572 * Math.pow(Math.toDegrees(h0r) + 6.07995, -1.6364));
    }

    /** The sea-level relative air mass for a sun with {@code sin h0} in [0, 1], from the table. */
    public static double atSeaLevel(double sinAltitude) {
        double u = sinAltitude * INTERVALS;
        int i = (int) u;
        double w = u - i;
        return SEA_LEVEL[i] + w * (SEA_LEVEL[i + 1] - SEA_LEVEL[i]);
    }
}
