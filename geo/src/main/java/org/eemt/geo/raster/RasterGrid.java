package org.eemt.geo.raster;

import java.io.Serializable;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.measure.Units;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.crs.SingleCRS;
import org.opengis.referencing.datum.Ellipsoid;

/**
 * The grid of a north-up raster: {@code columns x rows} cells, the upper-left corner of cell (0, 0)
 * at ({@code originX}, {@code originY}) in CRS units, cells {@code cellWidth} wide (x grows with
 * the column) and {@code cellHeight} high (y decreases with the row; both sizes positive).
 *
 * <p>The CRS travels as its identifier (for example {@code EPSG:26913}) when it has one and as WKT
 * otherwise. For geographic CRSs the axis order is longitude, latitude (x, y) and cell sizes are in
 * degrees; {@link #geographic()} says which. The ellipsoid of the CRS's datum (semi-major axis in
 * metres, inverse flattening) is kept for metric cell sizes and latitudes. For projected CRSs
 * {@code metresPerUnit} is the length of the CRS's linear unit in metres (1 for metres, 0.3048 for
 * international feet, 1200/3937 for US survey feet); it is 1 for geographic CRSs.
 */
public record RasterGrid(int columns, int rows, double originX, double originY,
                         double cellWidth, double cellHeight,
                         String crsCode, String crsWkt, boolean geographic,
                         double semiMajorAxisMetres, double inverseFlattening, double metresPerUnit) implements Serializable {

    /** A grid whose projected CRS is in metres (or a geographic grid). */
    public RasterGrid(int columns, int rows, double originX, double originY, double cellWidth, double cellHeight,
                      String crsCode, String crsWkt, boolean geographic, double semiMajorAxisMetres, double inverseFlattening) {
        this(columns, rows, originX, originY, cellWidth, cellHeight, crsCode, crsWkt, geographic,
                semiMajorAxisMetres, inverseFlattening, 1);
    }

    /** Builds the grid record from a SIS CRS (its identifier, WKT, kind and ellipsoid). */
    public static RasterGrid of(int columns, int rows, double originX, double originY,
                                double cellWidth, double cellHeight, CoordinateReferenceSystem crs) {
        String code = null;
        try {
            // By the CRS's name or identifiers only, ignoring axis order (GeoTIFF CRSs are read easting
            // first; EPSG:3035, for one, is northing first in the database). A full search of the EPSG
            // database for an unnamed CRS takes tens of seconds per JVM; such CRSs travel as WKT.
            IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            finder.setSearchDomain(IdentifiedObjectFinder.Domain.DECLARATION);
            IdentifiedObject found = finder.findSingleton(crs);
            Integer epsg = found == null ? null : IdentifiedObjects.lookupEPSG(found);
            if (epsg == null && crs instanceof GeographicCRS) {
                // CRS:84 and other longitude-first variants: the EPSG code of the same CRS with latitude first
                for (CommonCRS common : CommonCRS.values()) {
                    if (Utilities.equalsIgnoreMetadata(common.normalizedGeographic(), crs)) {
                        epsg = IdentifiedObjects.lookupEPSG(common.geographic());
                        break;
                    }
                }
            }
            code = epsg != null ? "EPSG:" + epsg : null;
        } catch (org.opengis.util.FactoryException e) {
            // no identifier: the WKT carries the CRS
        }
        String wkt = crs.toWKT();
        SingleCRS base = crs instanceof ProjectedCRS p ? p.getBaseCRS() : (SingleCRS) crs;
        Ellipsoid ellipsoid = base.getDatum() instanceof org.opengis.referencing.datum.GeodeticDatum g
                ? g.getEllipsoid() : null;
        double a = ellipsoid == null ? 6378137.0 : ellipsoid.getSemiMajorAxis();
        double invF = ellipsoid == null ? 298.257223563
                : (ellipsoid.isSphere() ? Double.POSITIVE_INFINITY : ellipsoid.getInverseFlattening());
        boolean geographic = crs instanceof GeographicCRS;
        return new RasterGrid(columns, rows, originX, originY, cellWidth, cellHeight, code, wkt,
                geographic, a, invF, geographic ? 1 : metresPerUnit(crs));
    }

    /** The length in metres of the unit of a projected CRS's first axis (easting). */
    private static double metresPerUnit(CoordinateReferenceSystem crs) {
        javax.measure.Unit<?> unit = crs.getCoordinateSystem().getAxis(0).getUnit();
        if (unit == null || !Units.isLinear(unit)) {
            throw new IllegalArgumentException("the CRS's easting axis is not in a length unit: " + unit);
        }
        return Units.toStandardUnit(unit);
    }

    /**
     * The CRS object, rebuilt from the identifier or the WKT, with axes in (x, y) = (east, north)
     * order (longitude first for geographic CRSs), the order of the grid's coordinates.
     */
    public CoordinateReferenceSystem crs() {
        try {
            if (crsCode != null) {
                return AbstractCRS.castOrCopy(CRS.forCode(crsCode)).forConvention(AxesConvention.RIGHT_HANDED);
            }
        } catch (org.opengis.util.FactoryException e) {
            // fall back to the WKT below
        }
        try {
            return CRS.fromWKT(crsWkt);
        } catch (org.opengis.util.FactoryException e) {
            throw new IllegalStateException("cannot rebuild CRS from WKT: " + e.getMessage(), e);
        }
    }

    public long cells() {
        return (long) columns * rows;
    }

    /** The whole raster as a window. */
    public PixelWindow extent() {
        return new PixelWindow(0, 0, columns, rows);
    }

    /** x (CRS units) of the centre of a column. */
    public double centreX(int column) {
        return originX + (column + 0.5) * cellWidth;
    }

    /** y (CRS units) of the centre of a row. */
    public double centreY(int row) {
        return originY - (row + 0.5) * cellHeight;
    }

    /** The part of this grid covered by {@code window}, with its own origin. */
    public RasterGrid window(PixelWindow window) {
        return new RasterGrid(window.width(), window.height(),
                originX + window.x0() * cellWidth, originY - window.y0() * cellHeight,
                cellWidth, cellHeight, crsCode, crsWkt, geographic, semiMajorAxisMetres, inverseFlattening, metresPerUnit);
    }

    /** Short human description, e.g. {@code 228x211 cells of 10 x 10 (EPSG:26913)}. */
    public String describe() {
        return columns + "x" + rows + " cells of " + cellWidth + " x " + cellHeight
                + (geographic ? " degrees" : metresPerUnit == 1 ? " m" : " CRS units of " + metresPerUnit + " m") + " (" + (crsCode != null ? crsCode : "CRS from WKT") + ")";
    }

}
