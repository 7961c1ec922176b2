package org.eemt.geo.hydrology;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.TileGrid;

/**
 * The driver's side of the tiled fill and flow accumulation: it holds only tile perimeters
 * (memory O(total perimeter)) and asks the workers ({@link TileRunner}) for passes over tiles.
 *
 * <p>After Barnes (2016), "Parallel Priority-Flood depression filling for trillion cell digital
 * elevation models on desktops or clusters", Computers &amp; Geosciences 96:56-68, and Barnes
 * (2017, parallel flow accumulation, Environ. Model. Softw. 92:202-212): per-tile local passes,
 * perimeters solved on the driver, a finishing pass per tile. One difference, because of the
 * ε-gradient and of D-infinity: Barnes' tiles summarise their interior as a graph of spill
 * elevations (plain filling) or of single downstream links (D8), which the driver solves in one
 * go; with ε the value carried through a tile depends on both the spill elevation and the path
 * length (a two-parameter family), and a D-infinity split spreads one inflow over many outflows,
 * so neither interior compresses to O(perimeter). Instead the driver solves the perimeter system
 * by exchange: each round, every tile whose ring changed recomputes its perimeter from its ring
 * (a local pass; unknown ring cells are +∞, so values only fall), until nothing changes; then
 * every tile keeps its filled cells and flow directions ({@link FlowTile}), and the flow rounds
 * pass areas between tiles the same way. Both systems have a unique solution (see
 * {@link EpsilonFill}; accumulation runs down a directed acyclic graph), so the result does not
 * depend on the tiling: the filled DEM is bit-identical to the one-tile result, and areas differ
 * only by the order of floating-point additions (the SAGA index's slots make its areas
 * bit-identical, {@link MultipleFlowDirection}). The number of rounds is bounded by the number of
 * tile borders that a drainage path crosses, plus one. For the SAGA index, modification rounds
 * then solve the modified catchment area the same way ({@link SagaWetnessIndex}).
 */
public final class TiledHydrology {

    /**
     * Runs the passes on tiles wherever the tiles live (a loop, or Spark executors). Each call
     * names the tiles to run, with their input, and returns their results by tile id.
     */
    public interface TileRunner {
        /** Fill round: {@link HydrologyTile#fillPerimeter} of each named tile with its ring. */
        Map<Integer, float[]> fill(Map<Integer, float[]> rings);

        /** Makes and keeps every tile's {@link FlowTile} from its final ring ({@link HydrologyTile#settle}). */
        void settle(Map<Integer, float[]> rings, WetnessSettings wetness);

        /** Flow round: {@link FlowTile#outflow} of each named tile with its inflow. */
        Map<Integer, double[]> flow(Map<Integer, double[]> inflows);

        /** Modification round (SAGA index): {@link FlowTile#modifyPerimeter} of each named tile. */
        Map<Integer, double[]> modify(Map<Integer, FlowTile.ModifyInput> inputs);
    }

    /**
     * The inputs of every tile's finishing pass ({@link FlowTile#finish}): its inflow and, for the
     * SAGA index, its ring (null for the standard index); and the rounds each exchange took.
     */
    public record Solution(Map<Integer, double[]> inflows, Map<Integer, double[]> rings, int fillRounds, int flowRounds,
                           int modifyRounds) implements Serializable {
    }

    private final TileGrid grid;
    private final WetnessSettings wetness;

    public TiledHydrology(TileGrid grid, WetnessSettings wetness) {
        this.grid = grid;
        this.wetness = wetness;
    }

    /** Fills, settles the flow tiles and solves the inflows of every tile. */
    public Solution solve(TileRunner runner) {
        int tiles = grid.tileCount();
        float[][] filled = new float[tiles][];
        float[][] rings = new float[tiles][];
        for (int t = 0; t < tiles; t++) {
            PixelWindow c = grid.core(t);
            filled[t] = new float[Ring.size(c.width(), c.height())];
            Arrays.fill(filled[t], Float.POSITIVE_INFINITY);
        }
        Map<Integer, float[]> todo = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            rings[t] = ringOf(t, filled);
            todo.put(t, rings[t]);
        }
        int fillRounds = 0;
        while (!todo.isEmpty()) {
            fillRounds++;
            TreeSet<Integer> changed = new TreeSet<>();
            runner.fill(todo).forEach((t, perimeter) -> {
                if (!Arrays.equals(filled[t], perimeter)) {
                    filled[t] = perimeter;
                    changed.add(t);
                }
            });
            todo = new LinkedHashMap<>();
            for (int t : neighbours(changed)) {
                float[] ring = ringOf(t, filled);
                if (!Arrays.equals(ring, rings[t])) {
                    rings[t] = ring;
                    todo.put(t, ring);
                }
            }
        }
        Map<Integer, float[]> finalRings = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            finalRings.put(t, rings[t]);
        }
        runner.settle(finalRings, wetness);

        double[][] inflow = new double[tiles][];
        double[][] outflow = new double[tiles][];
        Map<Integer, double[]> flowTodo = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            PixelWindow c = grid.core(t);
            inflow[t] = new double[Ring.size(c.width(), c.height()) * wetness.flowStride()];
            flowTodo.put(t, inflow[t]);
        }
        int flowRounds = 0;
        while (!flowTodo.isEmpty()) {
            flowRounds++;
            runner.flow(flowTodo).forEach((t, out) -> outflow[t] = out);
            double[][] next = inflows(outflow);
            flowTodo = new LinkedHashMap<>();
            for (int t = 0; t < tiles; t++) {
                if (!Arrays.equals(next[t], inflow[t])) {
                    inflow[t] = next[t];
                    flowTodo.put(t, inflow[t]);
                }
            }
        }
        Map<Integer, double[]> inflows = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            inflows.put(t, inflow[t]);
        }
        if (wetness.kind() == WetnessSettings.Kind.STANDARD) {
            return new Solution(inflows, new LinkedHashMap<>(), fillRounds, flowRounds, 0);
        }
        return modify(runner, inflows, fillRounds, flowRounds);
    }

    /**
     * Modification rounds of the SAGA index: like the fill rounds, with modified catchment areas
     * that only rise (unknown ring cells start at 0, a lower bound) until no perimeter changes.
     */
    private Solution modify(TileRunner runner, Map<Integer, double[]> inflows, int fillRounds, int flowRounds) {
        int tiles = grid.tileCount();
        double[][] modified = new double[tiles][];
        double[][] area = new double[tiles][];
        double[][] rings = new double[tiles][];
        for (int t = 0; t < tiles; t++) {
            PixelWindow c = grid.core(t);
            modified[t] = new double[Ring.size(c.width(), c.height())];
        }
        Map<Integer, FlowTile.ModifyInput> todo = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            rings[t] = ringOf(t, modified);
            todo.put(t, new FlowTile.ModifyInput(inflows.get(t), rings[t]));
        }
        int rounds = 0;
        while (!todo.isEmpty()) {
            rounds++;
            TreeSet<Integer> changed = new TreeSet<>();
            runner.modify(todo).forEach((t, out) -> {
                int size = out.length / 2;
                area[t] = Arrays.copyOfRange(out, size, 2 * size);
                double[] perimeter = Arrays.copyOf(out, size);
                if (!Arrays.equals(modified[t], perimeter)) {
                    modified[t] = perimeter;
                    changed.add(t);
                }
            });
            todo = new LinkedHashMap<>();
            for (int t : neighbours(changed)) {
                double[] ring = ringOf(t, modified);
                if (!Arrays.equals(ring, rings[t])) {
                    rings[t] = ring;
                    todo.put(t, new FlowTile.ModifyInput(inflows.get(t), ring));
                }
            }
        }
        Map<Integer, double[]> finalRings = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            double[] m = ringOf(t, modified);
            double[] a = ringOf(t, area);
            double[] both = Arrays.copyOf(m, 2 * m.length);
            System.arraycopy(a, 0, both, m.length, a.length);
            finalRings.put(t, both);
        }
        return new Solution(inflows, finalRings, fillRounds, flowRounds, rounds);
    }

    /** The ring around tile {@code t} from the perimeters of its neighbours; NaN outside the DEM. */
    private float[] ringOf(int t, float[][] perimeters) {
        long[] sources = ringSources(t);
        float[] ring = new float[sources.length];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = sources[i] < 0 ? Float.NaN : perimeters[(int) (sources[i] >> 32)][(int) sources[i]];
        }
        return ring;
    }

    /** The ring around tile {@code t} from the perimeters of its neighbours; NaN outside the DEM. */
    private double[] ringOf(int t, double[][] perimeters) {
        long[] sources = ringSources(t);
        double[] ring = new double[sources.length];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = sources[i] < 0 ? Double.NaN : perimeters[(int) (sources[i] >> 32)][(int) sources[i]];
        }
        return ring;
    }

    /** Per ring cell of tile {@code t}: the tile holding it (high 32 bits) and its perimeter index there, or -1 outside the DEM. */
    private long[] ringSources(int t) {
        PixelWindow c = grid.core(t);
        int pw = c.width() + 2;
        int ph = c.height() + 2;
        long[] sources = new long[Ring.size(pw, ph)];
        for (int i = 0; i < sources.length; i++) {
            int x = c.x0() - 1 + Ring.x(pw, ph, i);
            int y = c.y0() - 1 + Ring.y(pw, ph, i);
            if (grid.contains(x, y)) {
                int u = grid.tileOf(x, y);
                PixelWindow cu = grid.core(u);
                sources[i] = ((long) u << 32) | Ring.index(cu.width(), cu.height(), x - cu.x0(), y - cu.y0());
            } else {
                sources[i] = -1;
            }
        }
        return sources;
    }

    /**
     * Every tile's inflow, summed from all tiles' outflows in tile order ({@link WetnessSettings#flowStride}
     * values per cell; the SAGA index's slots each have one source, so there nothing is summed).
     */
    private double[][] inflows(double[][] outflow) {
        int tiles = grid.tileCount();
        int stride = wetness.flowStride();
        double[][] in = new double[tiles][];
        for (int t = 0; t < tiles; t++) {
            PixelWindow c = grid.core(t);
            in[t] = new double[Ring.size(c.width(), c.height()) * stride];
        }
        for (int t = 0; t < tiles; t++) {
            if (outflow[t] == null) {
                continue;
            }
            PixelWindow c = grid.core(t);
            int pw = c.width() + 2;
            int ph = c.height() + 2;
            for (int i = 0; i < outflow[t].length; i++) {
                double v = outflow[t][i];
                if (v == 0) {
                    continue;
                }
                int r = i / stride;
                int x = c.x0() - 1 + Ring.x(pw, ph, r);
                int y = c.y0() - 1 + Ring.y(pw, ph, r);
                int u = grid.tileOf(x, y);
                PixelWindow cu = grid.core(u);
                in[u][Ring.index(cu.width(), cu.height(), x - cu.x0(), y - cu.y0()) * stride + i % stride] += v;
            }
        }
        return in;
    }

    /** The tiles whose ring touches one of {@code changed}: their eight neighbours. */
    private TreeSet<Integer> neighbours(TreeSet<Integer> changed) {
        TreeSet<Integer> out = new TreeSet<>();
        int tc = grid.tileColumns();
        int tr = grid.tileRows();
        for (int t : changed) {
            int col = t % tc;
            int row = t / tc;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int r = row + dr;
                    int cc = col + dc;
                    if ((dr != 0 || dc != 0) && r >= 0 && cc >= 0 && r < tr && cc < tc) {
                        out.add(r * tc + cc);
                    }
                }
            }
        }
        return out;
    }
}
