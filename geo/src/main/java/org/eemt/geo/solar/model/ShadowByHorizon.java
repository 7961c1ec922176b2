package org.eemt.geo.solar.model;

import org.eemt.geo.terrain.MetricCellSize;

/**
 * The terrain shadow by precomputed horizons ({@link Shading#HORIZON}; SCIENCE.md Eq. 2.28–2.29),
 * written plainly: for each core cell and each of N azimuths 2πk/N, the horizon angle
 * max(0, max over the {@link RayMarch}'s samples of atan((z_p − z0 − L²/(2R))/L))
 * ({@link TerrainHorizon#elevationAngle}); at a sample time the angle toward the sun's azimuth is
 * interpolated linearly between its two neighbouring azimuths (Eq. 2.29), and the cell is shadowed when
 * it exceeds the sun's true altitude h0 (Eq. 2.28; sin is increasing on [0, π/2], so sin of the angle
 * &gt; sin h0). Every azimuth of every cell is marched to the search distance: the reference of the fast
 * horizon mode.
 */
public final class ShadowByHorizon implements TerrainHorizon.Test {
    private final int azimuths;
    /** Horizon angles (radians), {@code [coreCell][k]}; NaN for cells without data. */
    private final double[][] angles;

    /** The horizons of {@code tile}'s core cells toward {@code azimuths} azimuths, with terrain up to {@code maxDistanceMetres}. */
    public ShadowByHorizon(SolarTile tile, double maxDistanceMetres, int azimuths) {
        this.azimuths = azimuths;
        MetricCellSize cellSize = new MetricCellSize(tile.dem());
        int width = tile.core().width();
        angles = new double[Math.toIntExact(tile.core().cells())][azimuths];
        for (int cell = 0; cell < angles.length; cell++) {
            int column = tile.core().x0() + cell % width;
            int row = tile.core().y0() + cell / width;
            double z0 = tile.elevationAt(column, row);
            for (int k = 0; k < azimuths; k++) {
                if (Double.isNaN(z0)) {
                    angles[cell][k] = Double.NaN;
                    continue;
                }
                double[] highest = {0};
                RayMarch.march(tile, cellSize, column, row, 2 * Math.PI * k / azimuths, maxDistanceMetres, (rayDistance, distance, zp) -> {
                    highest[0] = Math.max(highest[0], TerrainHorizon.elevationAngle(zp - z0, distance));
                    return true;
                });
                angles[cell][k] = highest[0];
            }
        }
    }

    /** The horizon angle (radians) of a core cell toward a compass azimuth in [0, 2π), interpolated between the two neighbouring azimuths. */
    public double angle(int coreCell, double azimuth) {
        double u = azimuth * azimuths / (2 * Math.PI);
        int k0 = Math.min((int) Math.floor(u), azimuths - 1);
        double w = u - k0;
        double a0 = angles[coreCell][k0];
        double a1 = angles[coreCell][(k0 + 1) % azimuths];
        return a0 + w * (a1 - a0);
    }

    @Override
    public boolean isShadowed(int coreCell, SunPosition sun) {
        return Math.sin(angle(coreCell, sun.azimuth())) > sun.sinAltitude();
    }
}
