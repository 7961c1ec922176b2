package org.eemt.geo.terrain;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.RasterGrid;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Grid convergence of a projected DEM: the angle (degrees, clockwise) from true north to the grid's
 * north (the +y axis), measured by moving a point 1e-4° north along its meridian and reading the
 * direction of the move in the grid's CRS (Snyder 1987, "Map Projections — A Working Manual",
 * USGS PP 1395, §"convergence"). Aspect, northness and the solar model refer to grid north, as
 * GRASS r.slope.aspect and r.sun do; this says how far that is from true north.
 */
public final class GridConvergence {
    private static final double STEP_DEGREES = 1e-4;

    private GridConvergence() {
    }

    /** The largest |convergence| (degrees) at the DEM's four corners and centre; 0 for geographic DEMs. */
    public static double largestDegrees(RasterGrid dem) {
        if (dem.geographic()) {
            return 0;
        }
        double left = dem.originX();
        double top = dem.originY();
        double right = left + dem.columns() * dem.cellWidth();
        double bottom = top - dem.rows() * dem.cellHeight();
        double[] xy = {left, top, right, top, left, bottom, right, bottom, (left + right) / 2, (top + bottom) / 2};
        try {
            MathTransform toLonLat = CRS.findOperation(dem.crs(), CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
            MathTransform toGrid = toLonLat.inverse();
            double[] lonLat = new double[xy.length];
            toLonLat.transform(xy, 0, lonLat, 0, xy.length / 2);
            for (int i = 1; i < lonLat.length; i += 2) {
                lonLat[i] += STEP_DEGREES;
            }
            double[] north = new double[xy.length];
            toGrid.transform(lonLat, 0, north, 0, xy.length / 2);
            double largest = 0;
            for (int i = 0; i < xy.length; i += 2) {
                // the meridian's direction in the grid is clockwise from grid north; grid north from true north is its negative
                double degrees = -Math.toDegrees(Math.atan2(north[i] - xy[i], north[i + 1] - xy[i + 1]));
                largest = Math.abs(degrees) > Math.abs(largest) ? degrees : largest;
            }
            return largest;
        } catch (FactoryException | TransformException e) {
            throw EemtException.input("DEM grid " + dem.describe(), "its corners cannot be transformed to latitude and longitude ("
                    + e.getMessage() + ")", "give the DEM in a CRS with an EPSG code or a complete WKT", e);
        }
    }
}
