package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.TerrainHorizon;

/**
 * Whether terrain hides the sun from a cell (SCIENCE.md §2, "Shadowing"): a cell is shadowed when
 * the terrain's horizon angle toward the sun's azimuth exceeds the sun's true altitude h0. The
 * angle of a terrain point at horizontal distance L includes Earth curvature:
 * atan((z_p − z0 − L²/(2R))/L) with R = {@value #EARTH_RADIUS_METRES} m.
 */
interface TerrainShadow {
    /** Mean Earth radius (m) of the curvature drop L²/(2R). */
    double EARTH_RADIUS_METRES = TerrainHorizon.EARTH_RADIUS_METRES;

    /**
     * @param coreCell index of the cell in the tile's core (row-major)
     * @param sun      the direction toward the sun at the cell's latitude, with sin h0 &gt; 0
     */
    boolean isShadowed(int coreCell, SunDirection sun);

    /**
     * A sin h0 at or above which {@link #isShadowed} is false for this cell whenever the sun's grid azimuth lies on the
     * arc from {@code fromAzimuth} clockwise to {@code toAzimuth} (radians, compass, {@code fromAzimuth} ≤ {@code toAzimuth}
     * ≤ {@code fromAzimuth} + 2π; either may leave [0, 2π)): an exact bound, so the caller may skip the test; 1 when no
     * cheaper bound is known.
     */
    double sinAltitudeAlwaysLit(int coreCell, double fromAzimuth, double toAzimuth);

    /** The absence of terrain shadows ({@link Shading#NONE}). */
    TerrainShadow NONE = new TerrainShadow() {
        @Override
        public boolean isShadowed(int coreCell, SunDirection sun) {
            return false;
        }

        @Override
        public double sinAltitudeAlwaysLit(int coreCell, double fromAzimuth, double toAzimuth) {
            return 0;
        }
    };
}
