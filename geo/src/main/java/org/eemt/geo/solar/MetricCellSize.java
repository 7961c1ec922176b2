package org.eemt.geo.solar;

import java.io.Serializable;
import org.eemt.geo.raster.RasterGrid;

/**
 * Width (east-west) and height (north-south) of the cells of each row of a DEM, in metres.
 *
 * <p>Projected CRSs: the cell size of the grid (the CRS unit is taken to be the metre). Geographic
 * CRSs (SCIENCE.md §1): at the latitude φ of the row centre, dx = N(φ)·cosφ·Δλ and dy = M(φ)·Δφ
 * with the radii of curvature N = a/√(1 − e²sin²φ) and M = a(1 − e²)/(1 − e²sin²φ)^1.5 of the CRS's
 * ellipsoid (Δλ, Δφ the cell size in radians).
 */
public final class MetricCellSize implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] widthByRow;
    private final double[] heightByRow;

    private MetricCellSize(double[] widthByRow, double[] heightByRow) {
        this.widthByRow = widthByRow;
        this.heightByRow = heightByRow;
    }

    public static MetricCellSize of(RasterGrid dem) {
        double[] w = new double[dem.rows()];
        double[] h = new double[dem.rows()];
        if (!dem.geographic()) {
            java.util.Arrays.fill(w, dem.cellWidth());
            java.util.Arrays.fill(h, dem.cellHeight());
            return new MetricCellSize(w, h);
        }
        double a = dem.semiMajorAxisMetres();
        double f = Double.isInfinite(dem.inverseFlattening()) ? 0 : 1 / dem.inverseFlattening();
        double e2 = f * (2 - f);
        for (int row = 0; row < dem.rows(); row++) {
            double phi = Math.toRadians(dem.centreY(row));
            double sin = Math.sin(phi);
            double q = 1 - e2 * sin * sin;
            double n = a / Math.sqrt(q);
            double m = a * (1 - e2) / (q * Math.sqrt(q));
            w[row] = n * Math.cos(phi) * Math.toRadians(dem.cellWidth());
            h[row] = m * Math.toRadians(dem.cellHeight());
        }
        return new MetricCellSize(w, h);
    }

    /** East-west size (m) of the cells of a DEM row. */
    public double widthMetres(int row) {
        return widthByRow[row];
    }

    /** North-south size (m) of the cells of a DEM row. */
    public double heightMetres(int row) {
        return heightByRow[row];
    }

    /** The smallest cell side (m) anywhere in the DEM. */
    public double smallestMetres() {
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < widthByRow.length; r++) {
            min = Math.min(min, Math.min(widthByRow[r], heightByRow[r]));
        }
        return min;
    }

    /** Cells of halo a tile needs so that every cell within {@code distanceMetres} of a core cell is in its window. */
    public int haloCells(double distanceMetres) {
        return (int) Math.ceil(distanceMetres / smallestMetres()) + 1;
    }
}
