package org.eemt.geo.solar;

/**
 * The sun's path over one day seen from one latitude, per {@link SampleGroups} group with the sun above
 * the horizontal (SCIENCE.md §2): sin h0 = sinφ·sinδ + cosφ·cosδ·cos T, the sea-level air mass
 * ({@link OpticalAirMass}), the horizontal diffuse irradiance D_h = G0·Tn·(A1 + A2·sin h0 + A3·sin²h0)
 * ({@link EsraClearSky}), and the direction toward the sun: northward cos h0·cos A = cosφ·sinδ − sinφ·cosδ·cos T,
 * eastward cos h0·sin A = −cosδ·sin T for the group's first sample (its pair, 24 − t, has the opposite).
 *
 * <p>None of it depends on the cell beyond its latitude, so {@link #moveTo} recomputes only when the latitude
 * changes: once per row of a geographic DEM, whose cells share the shadow tests' sun directions as well.
 */
final class SunPath {
    private final SampleGroups groups;
    private final EsraClearSky sky;
    private final double extraterrestrial;
    private final double sinDeclination;
    private final double cosDeclination;
    final double[] sinAltitude;
    final double[] seaLevelAirMass;
    /** D_h (W m⁻²). */
    final double[] diffuse;
    final double[] northward;
    final double[] eastward;
    /** The directions of each group's first and (if paired) second sample: {@link SunDirection.Resolved} or {@link SunDirection.OnDemand}. */
    SunDirection[] firstSun;
    SunDirection[] secondSun;
    private final SunDirection[][] resolved;
    private final SunDirection[][] onDemand;
    /** The first group with the sun above the horizontal ({@link SampleGroups#firstAboveHorizon}); the later ones have it too. */
    int firstDaylight;
    private double latitudeSin = Double.NaN;
    private double latitudeCos = Double.NaN;

    SunPath(SampleGroups groups, EsraClearSky sky, SolarDay day) {
        this.groups = groups;
        this.sky = sky;
        this.extraterrestrial = day.extraterrestrialIrradiance();
        this.sinDeclination = Math.sin(day.declinationRadians());
        this.cosDeclination = Math.cos(day.declinationRadians());
        int n = groups.size();
        sinAltitude = new double[n];
        seaLevelAirMass = new double[n];
        diffuse = new double[n];
        northward = new double[n];
        eastward = new double[n];
        resolved = new SunDirection[2][n];
        onDemand = new SunDirection[2][n];
        for (int g = 0; g < n; g++) {
            for (int k = 0; k < 2; k++) {
                resolved[k][g] = new SunDirection.Resolved();
                onDemand[k][g] = new SunDirection.OnDemand();
            }
        }
        firstSun = onDemand[0];
        secondSun = onDemand[1];
        firstDaylight = n;
    }

    /**
     * Points the path at the latitude with this sine and cosine (nothing to do when it is the current one);
     * {@code shared}: more cells follow at this latitude, so the sun directions are {@link SunDirection.Resolved}.
     */
    void moveTo(double latitudeSin, double latitudeCos, boolean shared) {
        if (latitudeSin == this.latitudeSin && latitudeCos == this.latitudeCos) {
            return;
        }
        this.latitudeSin = latitudeSin;
        this.latitudeCos = latitudeCos;
        double a = latitudeSin * sinDeclination;
        double b = latitudeCos * cosDeclination;
        double p = latitudeCos * sinDeclination;
        double q = -latitudeSin * cosDeclination;
        firstDaylight = groups.firstAboveHorizon(a, b);
        firstSun = shared ? resolved[0] : onDemand[0];
        secondSun = shared ? resolved[1] : onDemand[1];
        for (int g = firstDaylight; g < groups.size(); g++) {
            double cosT = groups.cosHourAngle(g);
            double s = a + b * cosT;
            sinAltitude[g] = s;
            seaLevelAirMass[g] = OpticalAirMass.atSeaLevel(s);
            diffuse[g] = extraterrestrial * sky.diffuseFraction(s);
            northward[g] = p + q * cosT;
            eastward[g] = -cosDeclination * groups.sinHourAngle(g);
            firstSun[g].set(eastward[g], northward[g], s);
            secondSun[g].set(-eastward[g], northward[g], s);
        }
    }
}
