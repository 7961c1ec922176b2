package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.MuneerDiffuse;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.SolarDay;

/**
 * The sun's path over one day seen from one latitude, per {@link SampleGroups} group with the sun above
 * the horizontal (SCIENCE.md Eq. 2.4, 2.5, 2.8, 2.24): sin h0 = sinφ·sinδ + cosφ·cosδ·cos T, the sea-level air mass
 * ({@link OpticalAirMass}) and Muneer's beam weights of the groups a cell sums one by one, and the direction toward the
 * sun: northward cos h0·cos A = cosφ·sinδ − sinφ·cosδ·cos T, eastward cos h0·sin A = −cosδ·sin T for the group's first
 * sample (its pair, 24 − t, has the opposite).
 *
 * <p>None of it depends on the cell beyond its latitude, so it is recomputed only when the latitude changes
 * ({@link #moveTo}): once per row of a geographic DEM, whose cells share the shadow tests' sun directions as
 * well. A group's directions are computed when a shadow test first needs them ({@link #prepare}: those that
 * {@link HorizonWindows} leave undecided), its beam terms when a cell sums the group one by one ({@link #prepareBeam}).
 */
final class SunPath {
    private final SampleGroups groups;
    final ClearSkyTable sky;
    /** G0 (W m⁻²). */
    final double extraterrestrial;
    private final double sinDeclination;
    private final double cosDeclination;
    final double[] seaLevelAirMass;
    /**
     * Muneer's beam term per unit τ, on top of B_i's G0·τ: a sunlit sample adds τ·(G0 + {@code diffuseBeamWeight})·cosθ
     * − τ·{@code lowSunCorrection}·cosβ. At high sun (h0 ≥ 0.1 rad) the weight is D_h/sin h0 and the correction 0 (Kb·cosθ/sin h0);
     * below, with sinβ·cos(A − a) = (cosθ − cosβ·sin h0)/cos h0, the weight is D_h/(cos h0·(0.1 − 0.008·h0)) and the
     * correction the weight times sin h0.
     */
    final double[] diffuseBeamWeight;
    final double[] lowSunCorrection;
    /**
     * The directions of each group's first and (if paired) second sample, for the shadow tests: {@link SunDirection.Resolved}
     * or {@link SunDirection.OnDemand}, in grid terms ({@link #moveTo}; {@link #northward} and {@link #eastward} stay in true north).
     */
    SunDirection[] firstSun;
    SunDirection[] secondSun;
    private final SunDirection[][] resolved;
    private final SunDirection[][] onDemand;
    /** The first group with the sun above the horizontal ({@link SampleGroups#firstAboveHorizon}); the later ones have it too. */
    int firstDaylight;
    /** The first group with h0 ≥ 0.1 rad, Muneer's high sun ({@link SampleGroups#firstReaching}); the later ones have it too. */
    int firstHighSun;
    private double latitudeSin = Double.NaN;
    private double latitudeCos = Double.NaN;
    /** cos γ and sin γ of the grid convergence the shadow tests' directions are turned by (SCIENCE.md Eq. 2.30). */
    private double turnCos = 1;
    private double turnSin = 0;
    /** sinφ·sinδ, cosφ·cosδ, cosφ·sinδ and −sinφ·cosδ of the current latitude. */
    private double a;
    private double b;
    private double p;
    private double q;
    /** The groups from {@link #firstDaylight} up to this one have their terms computed. */
    private int prepared;
    /** Counts the latitudes {@link #moveTo} pointed at; a group's beam terms are current when {@link #beamLatitude} holds it. */
    private int latitudeSerial;
    private final int[] beamLatitude;

    SunPath(SampleGroups groups, ClearSkyTable sky, SolarDay day) {
        this.groups = groups;
        this.sky = sky;
        this.extraterrestrial = day.extraterrestrialIrradiance();
        this.sinDeclination = Math.sin(day.declinationRadians());
        this.cosDeclination = Math.cos(day.declinationRadians());
        int n = groups.size();
        seaLevelAirMass = new double[n];
        diffuseBeamWeight = new double[n];
        lowSunCorrection = new double[n];
        beamLatitude = new int[n];
        java.util.Arrays.fill(beamLatitude, -1);
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
        firstHighSun = n;
    }

    /**
     * Points the path at the latitude with this sine and cosine and the shadow tests' directions at grid azimuths
     * turned by a grid convergence γ with this cosine and sine (A − γ; 1 and 0 for none) (nothing to do when they are
     * the current ones); {@code shared}: more cells follow at this latitude and γ, so the sun directions are
     * {@link SunDirection.Resolved}. The groups' terms are computed by {@link #prepare}.
     */
    void moveTo(double latitudeSin, double latitudeCos, double turnCos, double turnSin, boolean shared) {
        if (latitudeSin == this.latitudeSin && latitudeCos == this.latitudeCos && turnCos == this.turnCos && turnSin == this.turnSin) {
            return;
        }
        this.latitudeSin = latitudeSin;
        this.latitudeCos = latitudeCos;
        this.turnCos = turnCos;
        this.turnSin = turnSin;
        a = latitudeSin * sinDeclination;
        b = latitudeCos * cosDeclination;
        p = latitudeCos * sinDeclination;
        q = -latitudeSin * cosDeclination;
        latitudeSerial++;
        firstDaylight = groups.firstAboveHorizon(a, b, firstDaylight);
        firstHighSun = groups.firstReaching(a, b, SolarTileModel.SIN_LOW_SUN, firstHighSun);
        prepared = firstDaylight;
        firstSun = shared ? resolved[0] : onDemand[0];
        secondSun = shared ? resolved[1] : onDemand[1];
    }

    /** sin h0 of a group at the current latitude (with the sun below the horizontal for groups before {@link #firstDaylight}). */
    double sinAltitude(int group) {
        return a + b * groups.cosHourAngle(group);
    }

    /**
     * Computes the terms of a daylight group at the current latitude, unless they are. Small, so that the JIT inlines the
     * check into the per-cell loop, which calls it for every group (the whole method was inlined in some runs and not in
     * others: not when it had been compiled on its own first, as its compiled code was then too large to inline).
     */
    void prepare(int group) {
        if (group >= prepared) {
            prepareThrough(group);
        }
    }

    private void prepareThrough(int group) {
        for (int g = prepared; g <= group; g++) {
            double cosT = groups.cosHourAngle(g);
            double s = a + b * cosT;
            double north = p + q * cosT;
            double east = -cosDeclination * groups.sinHourAngle(g);
            if (turnSin == 0) {
                firstSun[g].set(east, north, s);
                secondSun[g].set(-east, north, s);
            } else {
                // (E, N) in grid terms: (E·cos γ − N·sin γ, N·cos γ + E·sin γ); the pair's sample has −E
                firstSun[g].set(east * turnCos - north * turnSin, north * turnCos + east * turnSin, s);
                secondSun[g].set(-east * turnCos - north * turnSin, north * turnCos - east * turnSin, s);
            }
        }
        prepared = group + 1;
    }

    /** cos h0·cos A of a group's first sample at the current latitude (its pair's is the same). */
    double northward(int group) {
        return p + q * groups.cosHourAngle(group);
    }

    /** cos h0·sin A of a group's first sample (its pair's is the opposite); the same at every latitude. */
    double eastward(int group) {
        return -cosDeclination * groups.sinHourAngle(group);
    }

    /**
     * d cosθ/dT at group {@code g}'s first sample for a surface with these slope constants (sinβ·cos a, cosβ, sinβ·sin a;
     * the second sample's with {@code slopeEast} turned): cosθ = slopeNorth·(p + q·cos T) + cosSlope·(a + b·cos T) −
     * slopeEast·cosδ·sin T.
     */
    double incidenceRise(int g, double slopeNorth, double cosSlope, double slopeEast) {
        return -(slopeNorth * q + cosSlope * b) * groups.sinHourAngle(g) - slopeEast * cosDeclination * groups.cosHourAngle(g);
    }

    /**
     * Computes the beam terms of a daylight group at the current latitude ({@link #seaLevelAirMass},
     * {@link #diffuseBeamWeight}, {@link #lowSunCorrection}) from its D_h and direction, unless they are: a cell needs
     * them only for the groups in which it is sunlit or its flat sum is not tabulated.
     */
    void prepareBeam(int group, double diffuse, double north, double east) {
        if (beamLatitude[group] != latitudeSerial) {
            computeBeam(group, diffuse, north, east);
        }
    }

    private void computeBeam(int g, double diffuse, double north, double east) {
        double s = a + b * groups.cosHourAngle(g);
        seaLevelAirMass[g] = AirMassTable.atSeaLevel(s);
        if (s >= SolarTileModel.SIN_LOW_SUN) {
            diffuseBeamWeight[g] = diffuse / s;
            lowSunCorrection[g] = 0;
        } else {
            double h0 = FastAngles.asinSmall(s);
            diffuseBeamWeight[g] = diffuse / (Math.sqrt(north * north + east * east) * MuneerDiffuse.lowSunDenominator(h0));
            lowSunCorrection[g] = diffuseBeamWeight[g] * s;
        }
        beamLatitude[g] = latitudeSerial;
    }
}
