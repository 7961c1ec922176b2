package org.eemt.geo.hydrology;

/**
 * Topographic wetness index TWI = ln(SCA / tan β) (Beven &amp; Kirkby 1979), with the specific
 * catchment area SCA in m²/m and tan β floored at {@value #MIN_TAN_SLOPE}; and the
 * mass-conservative wetness index MCWI = TWI / mean(TWI) (Rasmussen et al. 2015, Eq. 9), whose
 * sum over the valid cells is their number. SCIENCE.md §1.
 */
public final class WetnessIndex {
    /** The floor of tan β, so that flats get a finite index. */
    public static final double MIN_TAN_SLOPE = 1e-4;

    private WetnessIndex() {
    }

    /** TWI of one cell from its SCA (m²/m) and slope (degrees); NaN when either is NaN. */
    public static double twi(double sca, double slopeDegrees) {
        double tan = Math.max(Math.tan(Math.toRadians(slopeDegrees)), MIN_TAN_SLOPE);
        return Math.log(sca / tan);
    }

    /** MCWI of every cell of {@code twi} given the mean TWI over all valid cells of the run. */
    public static float[] mcwi(float[] twi, double meanTwi) {
        float[] out = new float[twi.length];
        for (int i = 0; i < twi.length; i++) {
            out[i] = (float) (twi[i] / meanTwi);
        }
        return out;
    }
}
