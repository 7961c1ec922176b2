package org.eemt.geo.hydrology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.raster.TileGrid;

/**
 * The tiled algorithm with tiles held in memory and passes run in a plain loop: the test stand-in
 * for the Spark stage. {@link #run} returns the assembled products.
 */
final class InMemoryTiles implements TiledHydrology.TileRunner {
    private final HydrologyTile[] tiles;
    private final FlowTile[] flowTiles;
    int tasks;

    InMemoryTiles(RasterGrid dem, float[] z, TileGrid grid) {
        tiles = new HydrologyTile[grid.tileCount()];
        flowTiles = new FlowTile[tiles.length];
        double[] elevation = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            elevation[i] = z[i];
        }
        for (int t = 0; t < tiles.length; t++) {
            PixelWindow core = grid.core(t);
            tiles[t] = HydrologyTile.of(dem, core, dem.extent().crop(elevation, HydrologyTile.window(dem, core)));
        }
    }

    @Override
    public Map<Integer, float[]> fill(Map<Integer, float[]> rings) {
        Map<Integer, float[]> out = new LinkedHashMap<>();
        rings.forEach((t, ring) -> out.put(t, tiles[t].fillPerimeter(ring)));
        tasks += rings.size();
        return out;
    }

    @Override
    public void settle(Map<Integer, float[]> rings, WetnessSettings wetness) {
        rings.forEach((t, ring) -> flowTiles[t] = tiles[t].settle(ring, wetness));
    }

    @Override
    public Map<Integer, double[]> flow(Map<Integer, double[]> inflows) {
        Map<Integer, double[]> out = new LinkedHashMap<>();
        inflows.forEach((t, in) -> out.put(t, flowTiles[t].outflow(in)));
        tasks += inflows.size();
        return out;
    }

    @Override
    public Map<Integer, double[]> modify(Map<Integer, FlowTile.ModifyInput> inputs) {
        Map<Integer, double[]> out = new LinkedHashMap<>();
        inputs.forEach((t, in) -> out.put(t, flowTiles[t].modifyPerimeter(in)));
        tasks += inputs.size();
        return out;
    }

    /** The whole DEM's products from one tiled run. */
    record Result(float[] filled, float[] sca, float[] twi, float[] mcwi, double leavingArea, double meanTwi,
                  long twiCells, int fillRounds, int flowRounds, int modifyRounds, int tasks) {
    }

    static Result run(RasterGrid dem, float[] z, int tileWidth, int tileHeight) {
        return run(dem, z, tileWidth, tileHeight, WetnessSettings.STANDARD);
    }

    static Result run(RasterGrid dem, float[] z, int tileWidth, int tileHeight, WetnessSettings wetness) {
        TileGrid grid = new TileGrid(dem.columns(), dem.rows(), tileWidth, tileHeight);
        InMemoryTiles runner = new InMemoryTiles(dem, z, grid);
        TiledHydrology.Solution solution = new TiledHydrology(grid, wetness).solve(runner);
        Map<Integer, TileProducts> products = new LinkedHashMap<>();
        solution.inflows().forEach((t, in) -> products.put(t, runner.flowTiles[t].finish(in, solution.rings().get(t))));
        int n = z.length;
        float[] filled = new float[n];
        float[] sca = new float[n];
        float[] twi = new float[n];
        double leaving = 0;
        double sum = 0;
        long count = 0;
        for (Map.Entry<Integer, TileProducts> e : products.entrySet()) {
            PixelWindow core = grid.core(e.getKey());
            TileProducts p = e.getValue();
            paste(p.filled(), core, filled, dem.columns());
            paste(p.sca(), core, sca, dem.columns());
            paste(p.twi(), core, twi, dem.columns());
            leaving += p.leavingArea();
            sum += p.twiSum();
            count += p.twiCount();
        }
        double mean = sum / count;
        return new Result(filled, sca, twi, WetnessIndex.mcwi(twi, mean), leaving, mean, count,
                solution.fillRounds(), solution.flowRounds(), solution.modifyRounds(), runner.tasks);
    }

    private static void paste(float[] tile, PixelWindow core, float[] whole, int columns) {
        for (int r = 0; r < core.height(); r++) {
            System.arraycopy(tile, r * core.width(), whole, (core.y0() + r) * columns + core.x0(), core.width());
        }
    }
}
