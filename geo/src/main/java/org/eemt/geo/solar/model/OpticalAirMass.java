package org.eemt.geo.solar.model;

/**
 * Relative optical air mass of the ESRA clear-sky model (Rigollier, Bauer &amp; Wald 2000, Eq. 3–4;
 * SCIENCE.md §2, "Beam"), for a sun at true altitude h0 above the horizon of a cell at elevation z:
 * <pre>
 *   h0r = h0 + 0.061359·(0.1594 + 1.123·h0 + 0.065656·h0²) / (1 + 28.9344·h0 + 277.3971·h0²)   (radians, refraction)
 *   m   = exp(−z/8434.5) / (sin h0r + 0.50572·(h0r° + 6.07995)^−1.6364)
 * </pre>
 * SCIENCE.md Eq. 2.7–2.8; Kasten &amp; Young 1989. The air mass factors into an elevation factor {@code exp(−z/8434.5)}
 * and a sea-level air mass that depends on {@code sin h0} only (the fast path tabulates the latter).
 */
public final class OpticalAirMass {
    /** Scale height of the atmosphere in the elevation correction (m). */
    static final double SCALE_HEIGHT_METRES = 8434.5;

    private OpticalAirMass() {
    }

    /** The elevation factor exp(−z/8434.5) for an elevation in metres. */
    public static double elevationFactor(double elevationMetres) {
        return Math.exp(-elevationMetres / SCALE_HEIGHT_METRES);
    }

    /** Refraction-corrected altitude h0r (radians) of a true altitude h0 (radians) (Eq. 2.7). */
    public static double refractedAltitude(double altitudeRadians) {
        double h = altitudeRadians;
        return h + 0.061359 * (0.1594 + 1.123 * h + 0.065656 * h * h) / (1 + 28.9344 * h + 277.3971 * h * h);
    }

    /** The sea-level relative air mass for a sun with {@code sin h0} in (0, 1] (Eq. 2.8 at z = 0). */
    public static double atSeaLevel(double sinAltitude) {
        double h0r = refractedAltitude(Math.asin(sinAltitude));
        return 1.0 / (Math.sin(h0r) + 0.50572 * Math.pow(Math.toDegrees(h0r) + 6.07995, -1.6364));
    }
}
