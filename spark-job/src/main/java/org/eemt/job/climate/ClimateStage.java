package org.eemt.job.climate;

import java.io.IOException;
import java.util.List;
import org.eemt.geo.climate.ClimateSource;
import org.eemt.geo.climate.ClimateWindow;
import org.eemt.geo.climate.DemMeanElevation;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.raster.RasterInput;
import org.eemt.job.outputs.Product;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.stage.ClimateInput;
import org.eemt.job.stage.ProductCatalog;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.eemt.job.stage.WorkFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The climate stage (SCIENCE.md §3): the driver reads the climate window the DEM needs (or the
 * single-pixel record of a base station) and, for gridded climate without
 * {@code --climate-elevation}, computes z_b, the mean elevation of the DEM cells inside each
 * climate cell (one Spark task per tile, exact sums merged in any order). It writes no raster: its
 * result is the {@link ProductCatalog#CLIMATE} work file the EEMT stage reads and broadcasts.
 * Without {@code --climate} it writes nothing.
 */
public final class ClimateStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(ClimateStage.class);

    private final ClimateInput input;

    /** The stage for the climate of a run. */
    public ClimateStage(ClimateInput input) {
        this.input = input;
    }

    @Override
    public String name() {
        return "climate";
    }

    @Override
    public List<Product> reads() {
        return List.of();
    }

    @Override
    public List<Product> writes() {
        return List.of();
    }

    @Override
    public List<WorkFile<?>> writesWork() {
        return input.given() ? List.of(ProductCatalog.CLIMATE) : List.of();
    }

    /** Bad climate fails here, before any product is written. */
    @Override
    public void check(String demLocation, RasterGrid dem) {
        if (input.given()) {
            input.open(dem);
        }
    }

    @Override
    public void run(StageContext context, List<Product> wanted) throws IOException {
        ClimateSource climate = input.open(context.dem());
        if (climate instanceof ClimateWindow window && window.needsBaseElevation()) {
            TilePlan plan = context.plan();
            String demLocation = context.demLocation();
            int band = context.band();
            DemMeanElevation means = context.<DemMeanElevation>mapTiles("climate: z_b = mean DEM elevation per climate cell", key -> {
                PixelWindow core = plan.core(key);
                float[] z;
                try (RasterInput reader = RasterInput.openDem(demLocation, band)) {
                    z = reader.read(core);
                }
                return new DemMeanElevation(window).add(plan.dem().window(core), z);
            }).stream().reduce(DemMeanElevation::merge).orElseThrow(); // exact sums: the order does not matter
            climate = window.withBaseElevation(means);
        }
        LOG.info("climate: {}", climate.describe());
        ProductCatalog.CLIMATE.write(context.store(), climate);
    }
}
