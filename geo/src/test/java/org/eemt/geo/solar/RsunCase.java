package org.eemt.geo.solar;

import java.nio.file.Path;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;

/**
 * A DEM of the comparison with GRASS r.sun, read whole as one tile, with GRASS r.slope.aspect's
 * slope and aspect converted to the solar model's conventions: slope in radians; aspect from
 * GRASS's degrees counter-clockwise from east to a compass bearing in radians (0 = north,
 * clockwise), NaN where the slope is zero.
 */
final class RsunCase {
    static final Path MCN = TestData.sampleDem();
    static final Path PERU = TestData.shared("dem/peru_mongon_utm17s_30m.tif");
    static final Path ZION = TestData.shared("dem/zion_srtm_3arcsec_4326.tif");

    final Path dem;
    final RasterGrid grid;
    final float[] elevation;

    RsunCase(Path dem) {
        this.dem = dem;
        try (GeoTiffReader r = GeoTiffReader.open(dem.toString())) {
            grid = r.grid();
            elevation = r.read(grid.extent());
        }
    }

    /** The whole DEM as one tile with the given GRASS slope and aspect (degrees, GRASS conventions). */
    SolarTile tile(float[] grassSlopeDegrees, float[] grassAspectDegrees) {
        int n = elevation.length;
        float[] slope = new float[n];
        float[] aspect = new float[n];
        for (int i = 0; i < n; i++) {
            slope[i] = (float) Math.toRadians(grassSlopeDegrees[i]);
            double compass = ((450 - grassAspectDegrees[i]) % 360 + 360) % 360;
            aspect[i] = grassSlopeDegrees[i] > 0 ? (float) Math.toRadians(compass) : Float.NaN;
        }
        PixelWindow all = grid.extent();
        double max = Double.NEGATIVE_INFINITY;
        for (float z : elevation) {
            max = z > max ? z : max;
        }
        return new SolarTile(grid, max, all, elevation, all, slope, aspect);
    }

    static SolarParameters parameters(Shading shading) {
        return SolarParameters.defaults().withShading(shading).withHorizon(1e6, SolarParameters.DEFAULT_HORIZON_AZIMUTHS);
    }
}
