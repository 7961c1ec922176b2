package org.eemt.geo.hydrology;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eemt.geo.raster.PixelWindow;

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
 * only by the order of floating-point additions. The number of rounds is bounded by the number of
 * tile borders that a drainage path crosses, plus one.
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
        void settle(Map<Integer, float[]> rings);

        /** Flow round: {@link FlowTile#outflow} of each named tile with its inflow. */
        Map<Integer, double[]> flow(Map<Integer, double[]> inflows);
    }

    /** The solved inflow of every tile (the input of its finishing pass), and the rounds it took. */
    public record Solution(Map<Integer, double[]> inflows, int fillRounds, int flowRounds) implements Serializable {
    }

    private final TileGrid grid;

    public TiledHydrology(TileGrid grid) {
        this.grid = grid;
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
        runner.settle(finalRings);

        double[][] inflow = new double[tiles][];
        double[][] outflow = new double[tiles][];
        Map<Integer, double[]> flowTodo = new LinkedHashMap<>();
        for (int t = 0; t < tiles; t++) {
            PixelWindow c = grid.core(t);
            inflow[t] = new double[Ring.size(c.width(), c.height())];
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
        return new Solution(inflows, fillRounds, flowRounds);
    }

    /** The ring around tile {@code t} from the perimeters of its neighbours; NaN outside the DEM. */
    private float[] ringOf(int t, float[][] perimeters) {
        PixelWindow c = grid.core(t);
        int pw = c.width() + 2;
        int ph = c.height() + 2;
        float[] ring = new float[Ring.size(pw, ph)];
        for (int i = 0; i < ring.length; i++) {
            int x = c.x0() - 1 + Ring.x(pw, ph, i);
            int y = c.y0() - 1 + Ring.y(pw, ph, i);
            ring[i] = grid.contains(x, y) ? perimeterValue(perimeters, x, y) : Float.NaN;
        }
        return ring;
    }

    private float perimeterValue(float[][] perimeters, int x, int y) {
        int u = grid.tileOf(x, y);
        PixelWindow c = grid.core(u);
        return perimeters[u][Ring.index(c.width(), c.height(), x - c.x0(), y - c.y0())];
    }

    /** Every tile's inflow, summed from all tiles' outflows in tile order. */
    private double[][] inflows(double[][] outflow) {
        int tiles = grid.tileCount();
        double[][] in = new double[tiles][];
        for (int t = 0; t < tiles; t++) {
            PixelWindow c = grid.core(t);
            in[t] = new double[Ring.size(c.width(), c.height())];
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
                int x = c.x0() - 1 + Ring.x(pw, ph, i);
                int y = c.y0() - 1 + Ring.y(pw, ph, i);
                int u = grid.tileOf(x, y);
                PixelWindow cu = grid.core(u);
                in[u][Ring.index(cu.width(), cu.height(), x - cu.x0(), y - cu.y0())] += v;
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
