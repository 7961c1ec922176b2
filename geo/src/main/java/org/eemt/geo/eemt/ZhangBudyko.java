package org.eemt.geo.eemt;

/**
 * Actual evapotranspiration from the Zhang–Budyko curve (Zhang et al. 2001, 2004; Rasmussen et al.
 * 2015 Eq. 8): AET = PPT·[1 + PET/PPT − (1 + (PET/PPT)^w)^(1/w)], w = 2.63; 0 when PPT = 0.
 */
public final class ZhangBudyko {
    /** The shape parameter w. */
    public static final double W = 2.63;

    private ZhangBudyko() {
    }

    /** AET (mm) from precipitation and potential evapotranspiration (mm) of the same period. */
    public static double aetMm(double precipitationMm, double petMm) {
        if (!(precipitationMm > 0)) {
            return 0;
        }
        double ratio = petMm / precipitationMm;
        return precipitationMm * (1 + ratio - Math.pow(1 + Math.pow(ratio, W), 1 / W));
    }
}
