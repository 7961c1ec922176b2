package org.eemt.geo.terrain;

import org.eemt.geo.EemtException;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Grid convergence γ of a projected DEM (Snyder 1987, "Map Projections — A Working Manual", USGS PP 1395,
 * §"convergence"; SCIENCE.md Eq. 2.30): the angle, clockwise, from true north to the grid's north (the +y axis),
 * positive where grid north lies east of true north (in the northern hemisphere, east of a transverse Mercator's
 * or a conic's central meridian). A direction at true (compass) azimuth A has the grid azimuth A − γ; a grid
 * aspect a has the true aspect a + γ. γ = 0 on geographic DEMs, whose grid north is true north.
 *
 * <p>Measured at a point by central differences along its meridian: the point (x, y) is converted to latitude
 * and longitude, moved {@value #STEP_DEGREES}° north and south, converted back, and γ = −atan2(Δx, Δy) of the
 * move. Per cell it is interpolated bilinearly between nodes at every {@link #spacing()}-th cell centre of the
 * whole DEM (and its last row and column), so a cell's γ depends only on the DEM and the cell, never on the
 * tile. γ is smooth: the interpolation's error is at most h²/8·(|γ_xx| + |γ_yy|) for a node spacing h, far
 * below 1e-6° on DEMs of up to a few hundred kilometres (GridConvergenceTest measures it against the per-cell
 * value).
 */
public final class GridConvergence {
    private static final double STEP_DEGREES = 1e-4;
    /** Node spacing (cells) of a DEM of up to {@value #MAX_NODES} nodes a side at this spacing. */
    private static final int SPACING_CELLS = 64;
    private static final int MAX_NODES = 64;

    private final RasterGrid dem;
    private final int spacing;
    private final int nodeColumns;
    private final int nodeRows;
    /** γ (radians) at the nodes, row-major; empty for a geographic DEM. */
    private final double[] nodes;
    private final double largestAbs;
    private final MathTransform toLonLat;
    private final MathTransform toGrid;

    private GridConvergence(RasterGrid dem) {
        this.dem = dem;
        this.spacing = Math.max(SPACING_CELLS, ceilDiv(Math.max(dem.columns(), dem.rows()) - 1, MAX_NODES));
        if (dem.geographic()) {
            nodeColumns = nodeRows = 0;
            nodes = new double[0];
            largestAbs = 0;
            toLonLat = toGrid = null;
            return;
        }
        try {
            toLonLat = CellCoordinates.toLongitudeLatitude(dem);
            toGrid = toLonLat.inverse();
        } catch (TransformException e) {
            throw untransformable(e);
        }
        nodeColumns = Math.max(2, ceilDiv(dem.columns() - 1, spacing) + 1);
        nodeRows = Math.max(2, ceilDiv(dem.rows() - 1, spacing) + 1);
        nodes = new double[nodeColumns * nodeRows];
        double largest = 0;
        for (int j = 0; j < nodeRows; j++) {
            for (int i = 0; i < nodeColumns; i++) {
                double gamma = exactRadians(nodeColumn(i), nodeRow(j));
                nodes[j * nodeColumns + i] = gamma;
                largest = Math.max(largest, Math.abs(gamma));
            }
        }
        largestAbs = largest;
    }

    /** The convergence of {@code dem}'s cells (the nodes of the whole DEM, measured once). */
    public static GridConvergence of(RasterGrid dem) {
        return new GridConvergence(dem);
    }

    /** The node spacing (cells). */
    public int spacing() {
        return spacing;
    }

    /** The largest |γ| (radians) of any cell: the nodes' (an interpolated value never exceeds its nodes'). */
    public double largestAbsRadians() {
        return largestAbs;
    }

    /** γ (radians) of the cells of {@code window} (pixel coordinates of the DEM), interpolated, row-major. */
    public double[] radians(PixelWindow window) {
        double[] gamma = new double[Math.toIntExact(window.cells())];
        if (nodes.length == 0) {
            return gamma;
        }
        int w = window.width();
        for (int r = 0; r < window.height(); r++) {
            int row = window.y0() + r;
            int j = Math.min(row / spacing, nodeRows - 2);
            double v = fraction(row, nodeRow(j), nodeRow(j + 1));
            for (int c = 0; c < w; c++) {
                int column = window.x0() + c;
                int i = Math.min(column / spacing, nodeColumns - 2);
                double u = fraction(column, nodeColumn(i), nodeColumn(i + 1));
                double top = nodes[j * nodeColumns + i] + u * (nodes[j * nodeColumns + i + 1] - nodes[j * nodeColumns + i]);
                double bottom = nodes[(j + 1) * nodeColumns + i] + u * (nodes[(j + 1) * nodeColumns + i + 1] - nodes[(j + 1) * nodeColumns + i]);
                gamma[r * w + c] = top + v * (bottom - top);
            }
        }
        return gamma;
    }

    /** γ (radians) at the centre of cell ({@code column}, {@code row}), measured there (0 on a geographic DEM). */
    public double exactRadians(int column, int row) {
        if (toLonLat == null) {
            return 0;
        }
        double[] point = {dem.centreX(column), dem.centreY(row)};
        try {
            toLonLat.transform(point, 0, point, 0, 1);
            double latitude = point[1];
            // one-sided within a step of a pole
            double north = Math.min(90, latitude + STEP_DEGREES);
            double south = Math.max(-90, latitude - STEP_DEGREES);
            double[] ends = {point[0], north, point[0], south};
            toGrid.transform(ends, 0, ends, 0, 2);
            // the meridian's direction in the grid is clockwise from grid north; grid north from true north is its negative
            return -Math.atan2(ends[0] - ends[2], ends[1] - ends[3]);
        } catch (TransformException e) {
            throw untransformable(e);
        }
    }

    /** The largest |convergence| (degrees) at the DEM's nodes, with its sign; 0 for geographic DEMs. */
    public static double largestDegrees(RasterGrid dem) {
        GridConvergence convergence = of(dem);
        double largest = 0;
        for (double gamma : convergence.nodes) {
            largest = Math.abs(gamma) > Math.abs(largest) ? gamma : largest;
        }
        return Math.toDegrees(largest);
    }

    /** Where {@code at} lies from node {@code from} (0) to node {@code to} (1); 0 when they coincide (a 1-cell DEM side). */
    private static double fraction(int at, int from, int to) {
        return to == from ? 0 : (double) (at - from) / (to - from);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private int nodeColumn(int i) {
        return Math.min(i * spacing, dem.columns() - 1);
    }

    private int nodeRow(int j) {
        return Math.min(j * spacing, dem.rows() - 1);
    }

    private EemtException untransformable(Exception e) {
        return EemtException.input("DEM grid " + dem.describe(), "its cells cannot be transformed to latitude and longitude ("
                + e.getMessage() + ")", "give the DEM in a CRS with an EPSG code or a complete WKT", e);
    }
}
