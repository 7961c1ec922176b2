package org.eemt.geo.solar.model;

import java.io.Serializable;
import java.util.Arrays;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.terrain.North;

/**
 * Parameters of the clear-sky solar model (SCIENCE.md §2) that do not depend on the DEM:
 * <ul>
 *   <li>{@code stepHours}: spacing of the sample times t = (k + ½)·step of a day (h; r.sun's {@code step});</li>
 *   <li>{@code linkeByMonth}: Linke turbidity T_L for January .. December (12 values; one value repeated for a constant T_L);</li>
 *   <li>{@code albedo}: ground albedo ρ of the reflected component;</li>
 *   <li>{@code shading}: how terrain shadows are found;</li>
 *   <li>{@code horizonDistanceMetres}: terrain farther than this from a cell never shades it (both shading modes);
 *       it sets the halo a tile needs;</li>
 *   <li>{@code horizonAzimuths}: number of equally spaced azimuths of the {@link Shading#HORIZON} mode;</li>
 *   <li>{@code north}: whether aspect and sun azimuth meet in true north ({@link North#TRUE}) or grid north.</li>
 * </ul>
 */
public record SolarParameters(double stepHours, double[] linkeByMonth, double albedo, Shading shading,
                              double horizonDistanceMetres, int horizonAzimuths, North north) implements Serializable {
    public static final double DEFAULT_STEP_HOURS = 0.25;
    public static final double DEFAULT_LINKE = 3.0;
    public static final double DEFAULT_ALBEDO = 0.2;
    public static final double DEFAULT_HORIZON_DISTANCE_METRES = 10_000;
    public static final int DEFAULT_HORIZON_AZIMUTHS = 64;

    public SolarParameters {
        if (!(stepHours > 0 && stepHours <= 24)) {
            throw new IllegalArgumentException("step must be in (0, 24] hours: " + stepHours);
        }
        if (linkeByMonth == null || linkeByMonth.length != Calendar365.MONTHS) {
            throw new IllegalArgumentException("Linke turbidity needs 1 or 12 values");
        }
        linkeByMonth = linkeByMonth.clone();
        for (double t : linkeByMonth) {
            if (!(t > 0 && t < 100)) {
                throw new IllegalArgumentException("Linke turbidity must be positive: " + t);
            }
        }
        if (!(albedo >= 0 && albedo <= 1)) {
            throw new IllegalArgumentException("albedo must be in [0, 1]: " + albedo);
        }
        if (shading == null) {
            throw new IllegalArgumentException("shading mode missing");
        }
        if (!(horizonDistanceMetres > 0) || Double.isInfinite(horizonDistanceMetres)) {
            throw new IllegalArgumentException("horizon distance must be positive metres: " + horizonDistanceMetres);
        }
        if (horizonAzimuths < 4 || horizonAzimuths > 3600) {
            throw new IllegalArgumentException("horizon azimuths must be in 4..3600: " + horizonAzimuths);
        }
        if (north == null) {
            throw new IllegalArgumentException("north missing");
        }
    }

    /** The defaults of the EEMT workflow (step 0.25 h, T_L 3, albedo 0.2) with horizon shading, in true north. */
    public static SolarParameters defaults() {
        return new SolarParameters(DEFAULT_STEP_HOURS, constantLinke(DEFAULT_LINKE), DEFAULT_ALBEDO,
                Shading.HORIZON, DEFAULT_HORIZON_DISTANCE_METRES, DEFAULT_HORIZON_AZIMUTHS, North.TRUE);
    }

    /** Twelve copies of one Linke turbidity. */
    public static double[] constantLinke(double linke) {
        double[] v = new double[Calendar365.MONTHS];
        Arrays.fill(v, linke);
        return v;
    }

    @Override
    public double[] linkeByMonth() {
        return linkeByMonth.clone();
    }

    public double linke(int month) {
        return linkeByMonth[month];
    }

    public SolarParameters withShading(Shading mode) {
        return new SolarParameters(stepHours, linkeByMonth, albedo, mode, horizonDistanceMetres, horizonAzimuths, north);
    }

    public SolarParameters withHorizon(double distanceMetres, int azimuths) {
        return new SolarParameters(stepHours, linkeByMonth, albedo, shading, distanceMetres, azimuths, north);
    }

    public SolarParameters withStep(double hours) {
        return new SolarParameters(hours, linkeByMonth, albedo, shading, horizonDistanceMetres, horizonAzimuths, north);
    }

    public SolarParameters withLinke(double[] byMonth) {
        return new SolarParameters(stepHours, byMonth, albedo, shading, horizonDistanceMetres, horizonAzimuths, north);
    }

    public SolarParameters withAlbedo(double rho) {
        return new SolarParameters(stepHours, linkeByMonth, rho, shading, horizonDistanceMetres, horizonAzimuths, north);
    }

    public SolarParameters withNorth(North reference) {
        return new SolarParameters(stepHours, linkeByMonth, albedo, shading, horizonDistanceMetres, horizonAzimuths, reference);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolarParameters p && p.stepHours == stepHours && Arrays.equals(p.linkeByMonth, linkeByMonth)
                && p.albedo == albedo && p.shading == shading && p.horizonDistanceMetres == horizonDistanceMetres
                && p.horizonAzimuths == horizonAzimuths && p.north == north;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(linkeByMonth) * 31 + java.util.Objects.hash(stepHours, albedo, shading, horizonDistanceMetres, horizonAzimuths, north);
    }

    @Override
    public String toString() {
        return "SolarParameters[step=" + stepHours + " h, linke=" + Arrays.toString(linkeByMonth) + ", albedo=" + albedo
                + ", shading=" + shading + ", horizonDistance=" + horizonDistanceMetres + " m, horizonAzimuths=" + horizonAzimuths + ", north=" + north + "]";
    }
}
