package org.eemt.geo.solar.model;

/**
 * Terrain shadows (SCIENCE.md Eq. 2.28–2.29; Šúri &amp; Hofierka 2004): a cell is shadowed when the
 * terrain's horizon angle toward the sun's azimuth exceeds the sun's true altitude h0. A terrain point
 * at horizontal distance L, elevation z_p, seen from a cell at z0, stands at the angle
 * atan((z_p − z0 − L²/(2R))/L) above the cell's horizontal, the Earth's curvature lowering it by
 * L²/(2R), R = {@value #EARTH_RADIUS_METRES} m. Terrain beyond the horizon distance, or outside the
 * DEM, does not shade.
 */
public final class TerrainHorizon {
    /** Mean Earth radius (m) of the curvature drop L²/(2R). */
    public static final double EARTH_RADIUS_METRES = 6_371_000.0;

    private TerrainHorizon() {
    }

    /** The curvature drop L²/(2R) (m) of a point at horizontal distance L (m). */
    public static double curvatureDrop(double distanceMetres) {
        return distanceMetres * distanceMetres / (2 * EARTH_RADIUS_METRES);
    }

    /** The angle (radians) above a cell's horizontal of a terrain point {@code rise} metres above it at {@code distance}. */
    public static double elevationAngle(double riseMetres, double distanceMetres) {
        return Math.atan((riseMetres - curvatureDrop(distanceMetres)) / distanceMetres);
    }

    /** Whether the terrain shadows one cell of a tile from a sun with sin h0 &gt; 0 (a ray or a horizon test). */
    @FunctionalInterface
    public interface Test {
        /** @param coreCell index of the cell in the tile's core (row-major) */
        boolean isShadowed(int coreCell, SunPosition sun);
    }
}
