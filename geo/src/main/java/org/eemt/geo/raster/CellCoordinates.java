package org.eemt.geo.raster;

import javax.measure.IncommensurableException;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.cs.CoordinateSystems;
import org.apache.sis.referencing.crs.DefaultGeographicCRS;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.eemt.geo.EemtException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Cell centres of a DEM grid in another CRS (the climate's Lambert conformal conic, through SIS
 * {@code CRS.findOperation}), or in longitude and latitude ({@link #toLongitudeLatitude}). Each centre is
 * transformed on its own, so the result of a cell does not depend on the tile it is computed in. The
 * latitudes (geodetic, on the DEM's datum) come in degrees (the EEMT model's day length) and in radians
 * (the solar model, which needs no longitude: it works in local solar time), from the same transform of
 * each centre.
 */
public final class CellCoordinates {
    private CellCoordinates() {
    }

    /** The latitude (°N) of every cell centre of {@code grid}, row-major. */
    public static double[] latitudesDegrees(RasterGrid grid) {
        return latitudes(grid, grid.extent(), false);
    }

    /** The latitude (radians, north positive) of the cell centres of {@code window} (pixel coordinates of {@code grid}), row-major. */
    public static double[] latitudesRadians(RasterGrid grid, PixelWindow window) {
        return latitudes(grid, window, true);
    }

    /**
     * The transform from {@code grid}'s coordinates (x, y) to longitude and latitude (degrees, in that order). For a
     * projected CRS, the inverse of its own map projection: latitudes on the DEM's own datum, with no datum shift (which
     * would move a cell by at most a few hundred metres on the oldest datums, 0.002° of latitude) and no search of the
     * EPSG database for one (1.3 s in a run, docs/performance.md). Otherwise SIS's operation to WGS 84.
     */
    public static MathTransform toLongitudeLatitude(RasterGrid grid) {
        CoordinateReferenceSystem crs = grid.crs();
        try {
            if (crs instanceof ProjectedCRS projected) {
                GeographicCRS base = projected.getBaseCRS();
                GeographicCRS normalized = DefaultGeographicCRS.castOrCopy(base).forConvention(AxesConvention.NORMALIZED);
                return MathTransforms.concatenate(projected.getConversionFromBase().getMathTransform().inverse(),
                        MathTransforms.linear(CoordinateSystems.swapAndScaleAxes(base.getCoordinateSystem(), normalized.getCoordinateSystem())));
            }
        } catch (TransformException | IncommensurableException | IllegalArgumentException e) {
            // a projection without an inverse or axes that do not map: the general search below
        }
        try {
            return CRS.findOperation(crs, CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
        } catch (FactoryException e) {
            throw EemtException.input(grid.describe(), "no transformation from the DEM's CRS to latitude/longitude ("
                    + e.getMessage() + ")", "reproject the DEM to a common CRS (e.g. UTM) with gdalwarp", e);
        }
    }

    private static double[] latitudes(RasterGrid grid, PixelWindow window, boolean radians) {
        MathTransform toGeographic = toLongitudeLatitude(grid);
        int w = window.width();
        double[] latitudes = new double[Math.toIntExact(window.cells())];
        double[] point = new double[2];
        try {
            for (int r = 0; r < window.height(); r++) {
                double y = grid.centreY(window.y0() + r);
                for (int c = 0; c < w; c++) {
                    // one point at a time: the result of a cell never depends on which other cells share its tile
                    point[0] = grid.centreX(window.x0() + c);
                    point[1] = y;
                    toGeographic.transform(point, 0, point, 0, 1);
                    latitudes[r * w + c] = radians ? Math.toRadians(point[1]) : point[1];
                }
            }
        } catch (TransformException e) {
            throw EemtException.input(grid.describe(), "cell centres cannot be converted to latitude (" + e.getMessage() + ")",
                    "check the DEM's CRS", e);
        }
        return latitudes;
    }

    /** The centres of every cell of {@code grid} in {@code target}, interleaved x, y, row-major. */
    public static double[] centresIn(RasterGrid grid, CoordinateReferenceSystem target) {
        int n = Math.toIntExact(grid.cells());
        double[] xy = new double[2 * n];
        for (int r = 0, i = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++, i++) {
                xy[2 * i] = grid.centreX(c);
                xy[2 * i + 1] = grid.centreY(r);
            }
        }
        return transform(grid, target, xy);
    }

    /**
     * The bounding box {minX, minY, maxX, maxY} in {@code target} of the outline of the whole
     * grid (cell edges, one point per cell along each side), enough for a conformal projection.
     */
    public static double[] footprint(RasterGrid grid, CoordinateReferenceSystem target) {
        int cols = grid.columns();
        int rows = grid.rows();
        double[] xy = new double[4 * (cols + rows + 2)];
        int k = 0;
        double left = grid.originX();
        double top = grid.originY();
        double right = left + cols * grid.cellWidth();
        double bottom = top - rows * grid.cellHeight();
        for (int c = 0; c <= cols; c++) {
            double x = left + c * grid.cellWidth();
            xy[k++] = x;
            xy[k++] = top;
            xy[k++] = x;
            xy[k++] = bottom;
        }
        for (int r = 0; r <= rows; r++) {
            double y = top - r * grid.cellHeight();
            xy[k++] = left;
            xy[k++] = y;
            xy[k++] = right;
            xy[k++] = y;
        }
        double[] t = transform(grid, target, xy);
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < t.length; i += 2) {
            box[0] = Math.min(box[0], t[i]);
            box[1] = Math.min(box[1], t[i + 1]);
            box[2] = Math.max(box[2], t[i]);
            box[3] = Math.max(box[3], t[i + 1]);
        }
        return box;
    }

    private static double[] transform(RasterGrid grid, CoordinateReferenceSystem target, double[] xy) {
        try {
            MathTransform mt = CRS.findOperation(grid.crs(), target, null).getMathTransform();
            double[] out = new double[xy.length];
            mt.transform(xy, 0, out, 0, xy.length / 2);
            return out;
        } catch (FactoryException | TransformException e) {
            throw EemtException.input("DEM grid " + grid.describe(), "its cell centres cannot be transformed to "
                    + target.getName() + " (" + e.getMessage() + ")", "give the DEM in a CRS with an EPSG code or a complete WKT", e);
        }
    }
}
