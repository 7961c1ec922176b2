package org.eemt.job.terrain;

import java.util.List;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.job.cli.RunOptions;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.pipeline.Stage;
import org.eemt.job.pipeline.StageContext;
import org.eemt.job.plan.TilePlan;

/**
 * The terrain stage: per tile, the DEM window with a one-cell halo → elevation (Float32 copy),
 * Horn slope, aspect and northness ({@link HornSlopeAspect}, SCIENCE.md §1).
 */
public final class TerrainStage implements Stage {
    public static final Product DEM = new Product("terrain/dem", "m", "elevation (Float32 copy of the input DEM)");
    public static final Product SLOPE = new Product("terrain/slope", "degrees", "Horn slope");
    public static final Product ASPECT = new Product("terrain/aspect", "degrees",
            "aspect: compass bearing of the downslope direction (0 = north, clockwise); NoData on flats");
    public static final Product NORTHNESS = new Product("terrain/northness", "1", "northness cos(aspect)·sin(slope)");

    @Override
    public String name() {
        return "terrain";
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public List<Product> products(RunOptions options) {
        return List.of(DEM, SLOPE, ASPECT, NORTHNESS);
    }

    @Override
    public void run(StageContext context, List<Product> wanted) {
        String demLocation = context.demLocation();
        int band = context.options().band;
        TilePlan plan = context.plan();
        ProductStore store = context.store();
        context.forEachTile("terrain: slope, aspect, northness", wanted, key -> {
            long start = System.nanoTime();
            RasterGrid dem = plan.dem();
            PixelWindow core = plan.core(key);
            PixelWindow read = plan.withHalo(key, 1);
            double[] elevation;
            try (RasterInput reader = RasterInput.openDem(demLocation, band)) {
                elevation = reader.readDoubles(read);
            }
            int n = Math.toIntExact(core.cells());
            float[] slope = new float[n];
            float[] aspect = new float[n];
            float[] northness = new float[n];
            HornSlopeAspect.compute(elevation, read, core, dem.columns(), dem.rows(), new MetricCellSize(dem),
                    slope, aspect, northness);
            float[] coreElevation = read.crop(elevation, core);
            long valid = 0;
            for (float z : coreElevation) {
                if (!Float.isNaN(z)) {
                    valid++;
                }
            }
            for (Product p : wanted) {
                float[] cells = p.equals(DEM) ? coreElevation : p.equals(SLOPE) ? slope : p.equals(ASPECT) ? aspect : northness;
                store.writeTile(p, key, core, cells);
            }
            return new TileSummary(key, valid, (System.nanoTime() - start) / 1e9);
        });
    }
}
