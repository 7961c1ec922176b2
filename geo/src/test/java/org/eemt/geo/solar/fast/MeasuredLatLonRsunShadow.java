package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * The shadow test that GRASS 8.2 r.sun applies in a lat/lon location, as measured from outside
 * ({@link RsunLatLonShadowTest}); physically wrong, kept only to show that it explains r.sun's
 * lat/lon results. From the observer, step k (k = 1, 2, …) samples the cell centre nearest to
 * k·(sin A, −cos A) in column and row units, i.e. the sun's azimuth A applied as if the cells were
 * square; the distance of that centre is only its north–south separation, |rows| x the row height
 * in metres of the observer's row. It shades when z − L²/(2R) &gt; z0 + L·tan h0; the march ends
 * sunlit outside the DEM, at a cell without data, or when z0 + L·tan h0 exceeds the DEM's highest
 * elevation; cells of the last column and row never shade (as in r.sun's projected mode). The tile
 * must be the whole DEM.
 */
final class MeasuredLatLonRsunShadow implements TerrainShadow {
    private final SolarTile tile;
    private final MetricCellSize size;

    MeasuredLatLonRsunShadow(SolarTile tile) {
        if (!tile.window().equals(tile.dem().extent()) || !tile.core().equals(tile.dem().extent())) {
            throw new IllegalArgumentException("the tile must be the whole DEM");
        }
        this.tile = tile;
        this.size = new MetricCellSize(tile.dem());
    }

    @Override
    public boolean isShadowed(int cell, SunDirection sun) {
        double east = sun.east();
        double north = sun.north();
        double sinAltitude = sun.sinAltitude();
        int columns = tile.dem().columns();
        int rows = tile.dem().rows();
        float[] z = tile.elevation();
        int c0 = cell % columns;
        int r0 = cell / columns;
        double z0 = z[cell];
        double cosAltitude = Math.sqrt(east * east + north * north);
        double tan = sinAltitude / cosAltitude;
        double dy = size.dy(r0);
        double sin = east / cosAltitude;
        double cos = north / cosAltitude;
        for (int k = 1; ; k++) {
            int dc = (int) Math.floor(k * sin + 0.5);
            int dr = (int) Math.floor(-k * cos + 0.5);
            int c = c0 + dc;
            int r = r0 + dr;
            double distance = Math.abs(dr) * dy;
            if (c < 0 || r < 0 || c >= columns || r >= rows || z0 + distance * tan > tile.demMaxElevation()) {
                return false;
            }
            if ((dc == 0 && dr == 0) || c == columns - 1 || r == rows - 1) {
                continue;
            }
            float zp = z[r * columns + c];
            if (Float.isNaN(zp)) {
                return false;
            }
            if (zp - distance * distance / (2 * EARTH_RADIUS_METRES) > z0 + distance * tan) {
                return true;
            }
        }
    }

    @Override
    public double sinAltitudeAlwaysLit(int coreCell, double fromAzimuth, double toAzimuth) {
        return 1;
    }
}
