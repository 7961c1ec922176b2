package org.eemt.geo.eemt;

/**
 * Annual net primary production models of SCIENCE.md §4, in g m⁻² yr⁻¹ (dry matter):
 * Lieth's (1975) Miami temperature model for EEMT_TRAD, the Whittaker & Niering (1975) fit on
 * elevation and northness for EEMT_TOPO (Rasmussen et al. 2015 Eq. 11), and the canopy-height
 * model for EEMT_TOPO-VEG (Eq. 12).
 */
public final class NetPrimaryProduction {
    private NetPrimaryProduction() {
    }

    /** Miami model: 3000/(1 + exp(1.315 − 0.119·T)), T the mean temperature (°C). */
    public static double liethGramsPerYear(double meanCelsius) {
        return 3000 / (1 + Math.exp(1.315 - 0.119 * meanCelsius));
    }

    /** Eq. 11: max(100, 0.39·z + 346·n − 187), z elevation (m), n northness. */
    public static double whittakerNieringGramsPerYear(double elevationMetres, double northness) {
        return Math.max(100, 0.39 * elevationMetres + 346 * northness - 187);
    }

    /**
     * Eq. 12: 196 + 36·h − (0.61·h − 12.0933)², h canopy height (m). The parabola turns negative
     * above about 134 m, beyond any canopy; it is floored at 0 there.
     */
    public static double canopyHeightGramsPerYear(double canopyHeightMetres) {
        double square = 0.61 * canopyHeightMetres - 12.0933;
        return Math.max(0, 196 + 36 * canopyHeightMetres - square * square);
    }
}
