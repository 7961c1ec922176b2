package org.eemt.geo.solar.model;

import org.eemt.geo.terrain.MetricCellSize;

/**
 * The terrain shadow by ray at every sample time ({@link Shading#RAY}; SCIENCE.md Eq. 2.28, and
 * "Comparing with GRASS r.sun"), written plainly: march the {@link RayMarch} from the cell
 * toward the sun's azimuth ({@link SunPosition#azimuth}); the cell is shadowed when a sampled centre, lowered
 * by Earth curvature, rises above the ray at its distance, z_p − L²/(2R) &gt; z0 + L·tan h0
 * ({@link TerrainHorizon#curvatureDrop}). As r.sun does, the march ends sunlit once the ray, at the
 * distance travelled, is higher than the DEM's highest elevation. The reference of the fast ray mode.
 */
public final class ShadowByRay implements TerrainHorizon.Test {
    private final SolarTile tile;
    private final MetricCellSize cellSize;
    private final double maxDistance;

    /** The ray test over {@code tile}, with terrain up to {@code maxDistanceMetres} shading. */
    public ShadowByRay(SolarTile tile, double maxDistanceMetres) {
        this.tile = tile;
        this.cellSize = new MetricCellSize(tile.dem());
        this.maxDistance = maxDistanceMetres;
    }

    @Override
    public boolean isShadowed(int coreCell, SunPosition sun) {
        return isShadowed(coreCell, sun, sun.azimuth());
    }

    /** As {@link #isShadowed(int, SunPosition)}, with the ray toward {@code azimuth} (radians) instead of the sun's own. */
    public boolean isShadowed(int coreCell, SunPosition sun, double azimuth) {
        int column = tile.core().x0() + coreCell % tile.core().width();
        int row = tile.core().y0() + coreCell / tile.core().width();
        double z0 = tile.elevationAt(column, row);
        double tanAltitude = sun.sinAltitude() / sun.cosAltitude();
        boolean[] shadowed = {false};
        RayMarch.march(tile, cellSize, column, row, azimuth, maxDistance, (rayDistance, distance, zp) -> {
            if (z0 + rayDistance * tanAltitude > tile.demMaxElevation()) {
                return false;
            }
            shadowed[0] = zp - TerrainHorizon.curvatureDrop(distance) > z0 + distance * tanAltitude;
            return !shadowed[0];
        });
        return shadowed[0];
    }
}
