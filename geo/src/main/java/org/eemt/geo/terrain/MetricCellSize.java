package org.eemt.geo.terrain;

import java.io.Serializable;
import org.eemt.geo.raster.RasterGrid;

/**
 * Cell sizes in metres, per row of a raster grid (SCIENCE.md §1).
 *
 * <p>Projected grids: the cell width and height in the CRS's linear unit times the unit's length
 * in metres (feet: 0.3048 m; US survey feet: 1200/3937 m), so that a State Plane DEM in feet with
 * elevations in metres gets its slopes, shadows and flow lengths right. (Elevations are taken as
 * metres whatever the horizontal unit: GeoTIFF DEMs rarely state their vertical unit.)
 * Geographic (longitude, latitude) grids: at the latitude φ of the row's centre, on the CRS's
 * ellipsoid (semi-major axis a, eccentricity e),
 * <pre>
 *   dx = N(φ)·cosφ·Δλ,   dy = M(φ)·Δφ,
 *   N = a / √(1 − e²sin²φ),   M = a(1 − e²) / (1 − e²sin²φ)^1.5
 * </pre>
 * with Δλ, Δφ the cell size in radians. (With these sizes Horn slopes equal GRASS
 * {@code r.slope.aspect} in a lat/lon location; a sphere would differ by up to 0.07°.)
 */
public final class MetricCellSize implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RasterGrid grid;
    private final double eccentricitySquared;

    public MetricCellSize(RasterGrid grid) {
        this.grid = grid;
        double f = 1 / grid.inverseFlattening();
        this.eccentricitySquared = f * (2 - f);
    }

    /** East-west size in metres of the cells of DEM row {@code row}. */
    public double dx(int row) {
        if (!grid.geographic()) {
            return grid.cellWidth() * grid.metresPerUnit();
        }
        double phi = Math.toRadians(grid.centreY(row));
        double s = Math.sin(phi);
        double n = grid.semiMajorAxisMetres() / Math.sqrt(1 - eccentricitySquared * s * s);
        return n * Math.cos(phi) * Math.toRadians(grid.cellWidth());
    }

    /** North-south size in metres of the cells of DEM row {@code row}. */
    public double dy(int row) {
        if (!grid.geographic()) {
            return grid.cellHeight() * grid.metresPerUnit();
        }
        double phi = Math.toRadians(grid.centreY(row));
        double s = Math.sin(phi);
        double w = 1 - eccentricitySquared * s * s;
        double m = grid.semiMajorAxisMetres() * (1 - eccentricitySquared) / (w * Math.sqrt(w));
        return m * Math.toRadians(grid.cellHeight());
    }
}
