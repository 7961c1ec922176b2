package org.eemt.job.wetness;

import static org.eemt.job.stage.ProductCatalog.FILLED;
import static org.eemt.job.stage.ProductCatalog.MCWI;
import static org.eemt.job.stage.ProductCatalog.SCA;
import static org.eemt.job.stage.ProductCatalog.TWI;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.eemt.geo.hydrology.HydrologyTile;
import org.eemt.geo.hydrology.FlowTile;
import org.eemt.geo.raster.TileGrid;
import org.eemt.geo.hydrology.TileProducts;
import org.eemt.geo.hydrology.TiledHydrology;
import org.eemt.geo.hydrology.WetnessIndex;
import org.eemt.geo.hydrology.WetnessSettings;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;
import scala.Tuple2;

/**
 * The wetness-index stage (SCIENCE.md §1): ε-filled DEM, D-infinity specific catchment area, TWI
 * and MCWI over the whole DEM (or, with {@code --wetness-index saga}, the SAGA Wetness Index and its
 * multiple-flow-direction SCA; docs/hydrology.md), with the tiled algorithm of {@link TiledHydrology}. The tiles stay
 * on the executors (a cached RDD partitioned by tile); each round the driver broadcasts only the
 * ring and inflow of the tiles that must run again and collects only their perimeters. The mean
 * TWI of the MCWI is a distributed reduction of per-tile sums.
 */
public final class WetnessStage implements Stage {
    private final WetnessSettings settings;

    /** The stage with the parameters of {@code --wetness-index} and {@code --swi-suction}. */
    public WetnessStage(WetnessSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "wetness";
    }

    @Override
    public List<Product> reads() {
        return List.of();
    }

    @Override
    public List<Product> writes() {
        return List.of(TWI, MCWI, SCA, FILLED);
    }

    @Override
    public void run(StageContext context, List<Product> wanted) {
        JavaSparkContext spark = context.spark();
        TilePlan plan = context.plan();
        TileGrid grid = plan.grid();
        String demLocation = context.demLocation();
        RasterGrid dem = plan.dem();
        int band = context.band();
        List<Integer> ids = new ArrayList<>();
        for (int t = 0; t < grid.tileCount(); t++) {
            ids.add(t);
        }
        spark.setJobDescription("wetness: read tiles");
        HashPartitioner byTile = new HashPartitioner(grid.tileCount());
        JavaPairRDD<Integer, HydrologyTile> tiles = spark.parallelize(ids, ids.size())
                .mapToPair(t -> {
                    PixelWindow core = grid.core(t);
                    try (RasterInput reader = RasterInput.openDem(demLocation, band)) {
                        return new Tuple2<>(t, HydrologyTile.of(dem, core, reader.read(HydrologyTile.window(dem, core))));
                    }
                })
                .partitionBy(byTile)
                .persist(StorageLevel.MEMORY_AND_DISK());
        SparkTileRunner runner = new SparkTileRunner(spark, tiles, grid.tileCount());
        try {
            TiledHydrology.Solution solution = new TiledHydrology(grid, settings).solve(runner);
            Broadcast<Object[]> inflows = spark.broadcast(solution.inflows().values().toArray());
            Broadcast<Object[]> rings = spark.broadcast(runner.byTile(solution.rings()));
            spark.setJobDescription("wetness: finish tiles, mean TWI");
            JavaPairRDD<Integer, TileProducts> products = runner.flowTiles
                    .mapToPair(e -> new Tuple2<>(e._1(),
                            e._2().finish((double[]) inflows.value()[e._1()], (double[]) rings.value()[e._1()])))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            double[] sums = products.map(e -> new double[] {e._2().twiSum(), e._2().twiCount()})
                    .reduce((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            double meanTwi = sums[0] / sums[1];
            ProductStore store = context.store();
            spark.setJobDescription("wetness: write tiles");
            products.foreach(e -> {
                int t = e._1();
                TileKey key = plan.key(t);
                PixelWindow core = grid.core(t);
                TileProducts p = e._2();
                for (Product product : wanted) {
                    float[] cells = product.equals(FILLED) ? p.filled() : product.equals(SCA) ? p.sca()
                            : product.equals(TWI) ? p.twi() : WetnessIndex.mcwi(p.twi(), meanTwi);
                    store.writeTile(product, key, core, cells);
                }
            });
            products.unpersist();
            inflows.destroy();
            rings.destroy();
        } finally {
            runner.close();
            tiles.unpersist();
        }
    }

    /**
     * The passes of the tiled algorithm on cached tiles: each round broadcasts the inputs of the
     * tiles that run (indexed by tile id) and collects only their perimeter results.
     */
    private static final class SparkTileRunner implements TiledHydrology.TileRunner {
        private final JavaSparkContext spark;
        private final JavaPairRDD<Integer, HydrologyTile> tiles;
        private final int tileCount;
        private JavaPairRDD<Integer, FlowTile> flowTiles;
        private Broadcast<Object[]> finalRings;
        private int round;

        SparkTileRunner(JavaSparkContext spark, JavaPairRDD<Integer, HydrologyTile> tiles, int tileCount) {
            this.spark = spark;
            this.tiles = tiles;
            this.tileCount = tileCount;
        }

        @Override
        public Map<Integer, float[]> fill(Map<Integer, float[]> rings) {
            return round(tiles, rings, HydrologyTile::fillPerimeter, "fill");
        }

        @Override
        public void settle(Map<Integer, float[]> rings, WetnessSettings wetness) {
            Broadcast<Object[]> shipped = spark.broadcast(byTile(rings));
            finalRings = shipped;
            spark.setJobDescription("wetness: settle filled tiles and flow directions");
            flowTiles = tiles.mapToPair(e -> new Tuple2<>(e._1(), e._2().settle((float[]) shipped.value()[e._1()], wetness)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            flowTiles.count();
            // the flow rounds need only the settled tiles (the elevations can be re-read if lost)
            tiles.unpersist(false);
        }

        @Override
        public Map<Integer, double[]> flow(Map<Integer, double[]> inflows) {
            return round(flowTiles, inflows, FlowTile::outflow, "flow");
        }

        @Override
        public Map<Integer, double[]> modify(Map<Integer, FlowTile.ModifyInput> inputs) {
            return round(flowTiles, inputs, FlowTile::modifyPerimeter, "modified catchment area");
        }

        private <T, I, O> Map<Integer, O> round(JavaPairRDD<Integer, T> on, Map<Integer, I> inputs,
                                                Function2<T, I, O> pass, String kind) {
            Broadcast<Object[]> shipped = spark.broadcast(byTile(inputs));
            spark.setJobDescription("wetness: " + kind + " round " + (++round) + " (" + inputs.size() + " tiles)");
            try {
                Map<Integer, O> out = new HashMap<>();
                on.filter(e -> shipped.value()[e._1()] != null)
                        .mapToPair(e -> {
                            @SuppressWarnings("unchecked")
                            I in = (I) shipped.value()[e._1()];
                            return new Tuple2<>(e._1(), pass.call(e._2(), in));
                        })
                        .collect()
                        .forEach(r -> out.put(r._1(), r._2()));
                return out;
            } finally {
                shipped.destroy();
            }
        }

        Object[] byTile(Map<Integer, ?> inputs) {
            Object[] byTile = new Object[tileCount];
            inputs.forEach((t, in) -> byTile[t] = in);
            return byTile;
        }

        void close() {
            if (flowTiles != null) {
                flowTiles.unpersist();
                finalRings.destroy();
            }
        }
    }
}
