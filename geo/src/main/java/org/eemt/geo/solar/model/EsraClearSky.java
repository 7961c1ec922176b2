package org.eemt.geo.solar.model;

/**
 * The ESRA clear-sky model for one Linke turbidity T_L (Rigollier, Bauer &amp; Wald 2000; SCIENCE.md
 * Eq. 2.9, 2.10 and 2.13–2.17):
 * <ul>
 *   <li>beam transmittance τ(m) = exp(−0.8662·T_L·m·δR(m)), so that B_h = G0·sin h0·τ and the beam
 *       clearness index Kb = τ (Eq. 2.18); Rayleigh optical thickness
 *       δR = 1/(6.6296 + 1.7513m − 0.1202m² + 0.0065m³ − 0.00013m⁴) for m ≤ 20, else 1/(10.4 + 0.718m)
 *       (Kasten 1996);</li>
 *   <li>diffuse on the horizontal D_h = G0·Tn·(A1 + A2·sin h0 + A3·sin²h0) with
 *       Tn = −0.015843 + 0.030543·T_L + 0.0003797·T_L², A1' = 0.26463 − 0.061581·T_L + 0.0031408·T_L²
 *       (A1 = 0.0022/Tn when A1'·Tn &lt; 0.0022, else A1'), A2 = 2.04020 + 0.018945·T_L − 0.011161·T_L²,
 *       A3 = −1.3025 + 0.039231·T_L + 0.0085079·T_L².</li>
 * </ul>
 * The air mass m is {@link OpticalAirMass}'s. The fast path tabulates τ over m.
 */
public final class EsraClearSky {
    private final double linke;
    private final double tn;
    private final double a1;
    private final double a2;
    private final double a3;

    public EsraClearSky(double linkeTurbidity) {
        if (!(linkeTurbidity > 0) || Double.isInfinite(linkeTurbidity)) {
            throw new IllegalArgumentException("Linke turbidity must be positive: " + linkeTurbidity);
        }
        this.linke = linkeTurbidity;
        double t = linkeTurbidity;
        tn = -0.015843 + 0.030543 * t + 0.0003797 * t * t;
        double a1Prime = 0.26463 - 0.061581 * t + 0.0031408 * t * t;
        a1 = a1Prime * tn < 0.0022 ? 0.0022 / tn : a1Prime;
        a2 = 2.04020 + 0.018945 * t - 0.011161 * t * t;
        a3 = -1.3025 + 0.039231 * t + 0.0085079 * t * t;
    }

    public double linkeTurbidity() {
        return linke;
    }

    /** Rayleigh optical thickness δR at relative air mass m (Eq. 2.9; Kasten 1996, as revised for ESRA). */
    public static double rayleighOpticalThickness(double airMass) {
        double m = airMass;
        if (m <= 20) {
            return 1.0 / (6.6296 + m * (1.7513 + m * (-0.1202 + m * (0.0065 - m * 0.00013))));
        }
        return 1.0 / (10.4 + 0.718 * m);
    }

    /** The beam transmittance τ(m) (Eq. 2.10). */
    public double beamTransmittance(double airMass) {
        return Math.exp(-0.8662 * linke * airMass * rayleighOpticalThickness(airMass));
    }

    /** D_h/G0 = Tn·(A1 + A2·sin h0 + A3·sin²h0), the horizontal diffuse irradiance per unit G0 (Eq. 2.17). */
    public double diffuseFraction(double sinAltitude) {
        double s = sinAltitude;
        return tn * (a1 + s * (a2 + s * a3));
    }
}
