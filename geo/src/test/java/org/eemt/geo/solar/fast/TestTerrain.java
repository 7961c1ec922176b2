package org.eemt.geo.solar.fast;

import java.nio.file.Path;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;

/** Test helpers: slope and aspect in the solar model's conventions, and tiles cut from a whole DEM. */
final class TestTerrain {
    private TestTerrain() {
    }

    /** A whole DEM of the solar tests: its grid and elevations. */
    record WholeDem(RasterGrid grid, float[] z) {
        /** The DEM named {@code sample} ({@link RsunCase#MCN}), {@code zion} or {@code peru}. */
        static WholeDem named(String name) {
            Path file = switch (name) {
                case "sample" -> RsunCase.MCN;
                case "zion" -> RsunCase.ZION;
                case "peru" -> RsunCase.PERU;
                default -> throw new IllegalArgumentException("no test DEM " + name);
            };
            try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
                return new WholeDem(r.grid(), r.read(r.grid().extent()));
            }
        }

        /** The tile of {@code core} with the halo of {@code parameters}, its slope and aspect by {@link #horn}. */
        SolarTile tile(PixelWindow core, SolarParameters parameters) {
            return TestTerrain.tile(grid, z, horn(grid, z), max(z), core, parameters);
        }
    }

    /** {slope, aspect} (radians, compass aspect, NaN on flats and edges) of every cell of a DEM, by {@link HornSlopeAspect}. */
    static float[][] horn(RasterGrid grid, float[] z) {
        double[] elevation = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            elevation[i] = z[i];
        }
        float[] slope = new float[z.length];
        float[] aspect = new float[z.length];
        float[] northness = new float[z.length];
        PixelWindow all = grid.extent();
        HornSlopeAspect.compute(elevation, all, all, grid.columns(), grid.rows(), new MetricCellSize(grid), slope, aspect, northness);
        for (int i = 0; i < z.length; i++) {
            slope[i] = (float) Math.toRadians(slope[i]);
            aspect[i] = (float) Math.toRadians(aspect[i]);
        }
        return new float[][] {slope, aspect};
    }

    /** The tile of {@code core} with the halo of {@code parameters}, cut from whole-DEM arrays. */
    static SolarTile tile(RasterGrid grid, float[] z, float[][] slopeAspect, double demMax, PixelWindow core, SolarParameters parameters) {
        int halo = SolarTile.haloCells(grid, parameters.horizonDistanceMetres());
        PixelWindow window = core.expandClipped(halo, grid.columns(), grid.rows());
        PixelWindow all = grid.extent();
        return new SolarTile(grid, demMax, window, crop(all, z, window), core,
                crop(all, slopeAspect[0], core), crop(all, slopeAspect[1], core));
    }

    private static float[] crop(PixelWindow outer, float[] data, PixelWindow inner) {
        float[] out = new float[Math.toIntExact(inner.cells())];
        for (int r = 0; r < inner.height(); r++) {
            System.arraycopy(data, outer.index(inner.x0(), inner.y0() + r), out, r * inner.width(), inner.width());
        }
        return out;
    }

    static double max(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = v > max ? v : max;
        }
        return max;
    }
}
