package org.eemt.geo.terrain;

/**
 * Which north northness and the solar model refer to (SCIENCE.md §1 and Eq. 2.30): aspect is measured from grid
 * north (the DEM's +y axis, {@link HornSlopeAspect}), the sun's azimuth from true north.
 */
public enum North {
    /**
     * The default: the aspect is turned into true north by the cell's grid convergence γ before the angle of incidence,
     * and the sun's azimuth into grid north for the terrain shadows ({@link GridConvergence}); northness takes the turned aspect.
     * The same as {@link #GRID} on geographic DEMs, whose γ is 0.
     */
    TRUE,
    /** Grid north taken as true north (γ ignored), as GRASS r.sun does. */
    GRID;

    /** Parses {@code true} or {@code grid} (any case). */
    public static North parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
