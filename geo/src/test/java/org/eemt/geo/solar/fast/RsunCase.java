package org.eemt.geo.solar.fast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.North;
import org.eemt.geo.testing.ExternalTool;
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
    /** {@link #ZION} warped to UTM 12N with 90 m cells ({@link #zionUtm(int)}). */
    static final String ZION_UTM = "zion_utm12n_90m.tif";

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

    /**
     * The Zion DEM warped to UTM zone 12N (EPSG:32612) with GDAL: {@code cell} m cells (a divisor of
     * 33 300 and 41 400, e.g. 90: 370 x 460 cells), bilinear, Float32, on the rectangle
     * 302 100–335 400 E, 4 111 950–4 153 350 N, which lies wholly inside the lat/lon DEM, so every
     * cell has data. Made once per build directory. A reference
     * for r.sun on Zion's terrain in a projected location, where r.sun's shadows are geometric
     * (r.sun's shadows in a lat/lon location are not: {@link RsunLatLonShadowTest}).
     */
    static Path zionUtm(int cell) throws IOException, InterruptedException {
        String name = "zion_utm12n_" + cell + "m.tif";
        Path dir = TestData.projectDir().resolve("geo/target/test-dems");
        Path out = dir.resolve(name);
        if (!Files.exists(out)) {
            ExternalTool.require("gdalwarp");
            Files.createDirectories(dir);
            Path partial = dir.resolve(name + ".partial.tif");
            ExternalTool.run(dir, List.of("gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:32612",
                    "-te", "302100", "4111950", "335400", "4153350", "-tr", Integer.toString(cell), Integer.toString(cell), "-r", "bilinear",
                    "-ot", "Float32", "-dstnodata", "-9999", ZION.toString(), partial.toString()));
            Files.move(partial, out);
        }
        return out;
    }

    /** The defaults in grid north, as r.sun computes (it ignores the grid convergence, SCIENCE.md Eq. 2.30). */
    static SolarParameters parameters(Shading shading) {
        return SolarParameters.defaults().withShading(shading).withHorizon(1e6, SolarParameters.DEFAULT_HORIZON_AZIMUTHS)
                .withNorth(North.GRID);
    }
}
