package org.eemt.job.terrain;

import static org.eemt.job.stage.ProductCatalog.ASPECT;
import static org.eemt.job.stage.ProductCatalog.DEM;
import static org.eemt.job.stage.ProductCatalog.NORTHNESS;
import static org.eemt.job.stage.ProductCatalog.SLOPE;

import java.util.List;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.HornSlopeAspect;
import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.geo.terrain.North;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;

/**
 * The terrain stage: per tile, the DEM window with a one-cell halo → elevation (Float32 copy),
 * Horn slope, aspect (grid north, as GRASS r.slope.aspect) and northness ({@link HornSlopeAspect}, SCIENCE.md §1),
 * in true north unless {@code --north grid} (the aspect turned by the cell's grid convergence, {@link GridConvergence}).
 */
public final class TerrainStage implements Stage {
    private final North north;

    /** @param north the north northness refers to (the solar model's {@code --north}) */
    public TerrainStage(North north) {
        this.north = north;
    }

    @Override
    public String name() {
        return "terrain";
    }

    @Override
    public List<Product> reads() {
        return List.of();
    }

    @Override
    public List<Product> writes() {
        return List.of(DEM, SLOPE, ASPECT, NORTHNESS);
    }

    @Override
    public void run(StageContext context, List<Product> wanted) {
        String demLocation = context.demLocation();
        int band = context.band();
        TilePlan plan = context.plan();
        ProductStore store = context.store();
        boolean turned = north == North.TRUE && !plan.dem().geographic();
        context.forEachTile("terrain: slope, aspect, northness", wanted, 1, false, key -> {
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
            if (turned) {
                HornSlopeAspect.northnessInTrueNorth(slope, aspect, GridConvergence.of(dem).radians(core), northness);
            }
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
