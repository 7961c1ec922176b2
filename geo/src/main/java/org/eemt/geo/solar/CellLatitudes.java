package org.eemt.geo.solar;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Geodetic latitude (WGS 84) of the cell centres of a window of a DEM, from the DEM's CRS with
 * Apache SIS, so that projected and geographic DEMs both work. The solar model needs no longitude:
 * it works in local solar time.
 */
public final class CellLatitudes {
    private CellLatitudes() {
    }

    /** Latitudes in radians, row-major over {@code window} (pixel coordinates of {@code dem}). */
    public static double[] radians(RasterGrid dem, PixelWindow window) {
        MathTransform toGeographic;
        try {
            toGeographic = CRS.findOperation(dem.crs(), CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
        } catch (FactoryException e) {
            throw EemtException.input(dem.describe(), "no transformation from the DEM's CRS to latitude/longitude ("
                    + e.getMessage() + ")", "reproject the DEM to a common CRS (e.g. UTM) with gdalwarp", e);
        }
        int w = window.width();
        double[] latitudes = new double[Math.toIntExact(window.cells())];
        double[] point = new double[2];
        try {
            for (int r = 0; r < window.height(); r++) {
                double y = dem.centreY(window.y0() + r);
                for (int c = 0; c < w; c++) {
                    // one point at a time: the result of a cell never depends on which other cells share its tile
                    point[0] = dem.centreX(window.x0() + c);
                    point[1] = y;
                    toGeographic.transform(point, 0, point, 0, 1);
                    latitudes[r * w + c] = Math.toRadians(point[1]);
                }
            }
        } catch (TransformException e) {
            throw EemtException.input(dem.describe(), "cell centres cannot be converted to latitude (" + e.getMessage() + ")",
                    "check the DEM's CRS", e);
        }
        return latitudes;
    }
}
