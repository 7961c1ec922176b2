package org.eemt.geo.raster;

import java.util.Locale;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.base.MetadataFetcher;
import org.apache.sis.storage.geotiff.writer.GeoEncoder;

/**
 * The GeoTIFF keys (OGC GeoTIFF 1.1, OGC 19-008r4) that name a grid's CRS in a written file; the
 * raster is {@code PixelIsArea} (the tie point is the upper-left corner of cell (0, 0)).
 *
 * <p>A CRS with an EPSG code is written as that code alone ({@code ProjectedCSTypeGeoKey} 3072 or
 * {@code GeographicTypeGeoKey} 2048), which every GeoTIFF reader understands. A CRS known only by
 * its WKT (a custom Lambert conformal conic given as a PROJ string, say) is written as
 * "user-defined" with its datum, ellipsoid, projection method and parameters spelled out in keys,
 * encoded by Apache SIS's GeoTIFF key encoder, which GDAL reads back as the same CRS. (GDAL's
 * other convention, a WKT in the citation key after "ESRI PE String = ", is cut by GDAL's
 * reader after some 500 characters, too short for a CRS's WKT.)
 */
record GeoKeys(int[] directory, double[] doubleParams, String asciiParams) {

    static GeoKeys of(RasterGrid grid) {
        Integer epsg = epsgCode(grid.crsCode());
        if (epsg != null) {
            return new GeoKeys(new int[] {
                    1, 1, 0, 3,
                    1024, 0, 1, grid.geographic() ? 2 : 1,
                    1025, 0, 1, 1,
                    grid.geographic() ? 2048 : 3072, 0, 1, epsg}, new double[0], "");
        }
        Matrix3 gridToCrs = new Matrix3(
                grid.cellWidth(), 0, grid.originX(),
                0, -grid.cellHeight(), grid.originY(),
                0, 0, 1);
        GridGeometry domain = new GridGeometry(new GridExtent(grid.columns(), grid.rows()),
                PixelInCell.CELL_CORNER, MathTransforms.linear(gridToCrs), grid.crs());
        try {
            GeoEncoder encoder = new GeoEncoder(null);
            encoder.write(domain, new MetadataFetcher(Locale.ROOT));
            StringBuilder ascii = new StringBuilder();
            if (encoder.asciiParams() != null) {
                for (String s : encoder.asciiParams()) {
                    ascii.append(s).append('|');
                }
            }
            double[] doubles = encoder.doubleParams();
            short[] keys = encoder.keyDirectory();
            int[] directory = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                directory[i] = keys[i] & 0xFFFF;
            }
            return new GeoKeys(directory, doubles != null ? doubles : new double[0], ascii.toString());
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot express the CRS as GeoTIFF keys (" + e.getMessage()
                    + "); reproject the DEM to an EPSG CRS with gdalwarp -t_srs EPSG:<code>", e);
        }
    }

    /** The EPSG code of {@code EPSG:n} identifiers that fit a GeoKey, or null. */
    private static Integer epsgCode(String crsCode) {
        if (crsCode == null || !crsCode.startsWith("EPSG:")) {
            return null;
        }
        try {
            int code = Integer.parseInt(crsCode.substring(5));
            return code > 0 && code < 32767 ? code : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
