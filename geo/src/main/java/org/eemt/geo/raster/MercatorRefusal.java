package org.eemt.geo.raster;

import java.util.Locale;
import org.apache.sis.coverage.grid.GridGeometry;
import org.eemt.geo.EemtException;
import org.opengis.metadata.extent.GeographicBoundingBox;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;

/**
 * Refuses rasters in a normal-aspect Mercator projection (Web Mercator EPSG:3857, World Mercator
 * EPSG:3395 and the other Mercator variants), naming the {@code gdalwarp} command that fixes them.
 *
 * <p>On a Mercator map one map metre is cos φ ground metres (Snyder 1987, <i>Map Projections — A
 * Working Manual</i>, USGS PP 1395, eq. 7-2/7-3: scale factor k = sec φ): at 40° latitude cells are
 * 23 % smaller on the ground than their map size, so slopes, shadow lengths and flow lengths taken
 * from map sizes are wrong. Rather than correct the scale row by row (tiles cut across rows and
 * every algorithm would have to carry it), eemt asks for a conformal projection with a scale near 1
 * over the DEM: its UTM zone (transverse Mercator, k within 0.04 % of 1 inside a zone).
 */
final class MercatorRefusal {
    private MercatorRefusal() {
    }

    /** Throws an input error when {@code grid}'s CRS is a normal-aspect Mercator projection. */
    static void check(String location, GridGeometry grid) {
        CoordinateReferenceSystem crs = grid.getCoordinateReferenceSystem();
        if (!(crs instanceof ProjectedCRS projected)) {
            return;
        }
        String method = projected.getConversionFromBase().getMethod().getName().getCode().toLowerCase(Locale.ROOT);
        if (!method.contains("mercator") || method.contains("transverse") || method.contains("oblique")) {
            return;
        }
        String target = grid.getGeographicExtent().map(MercatorRefusal::utmCode).orElse("EPSG:<UTM zone of the DEM>");
        throw EemtException.input(location, "is in a Mercator projection (" + crs.getName().getCode()
                        + "), whose map metres are not ground metres (1 map metre = cos(latitude) m), which would give wrong slopes and distances",
                "warp it to its UTM zone: gdalwarp -t_srs " + target + " -r bilinear " + location + " dem_utm.tif");
    }

    /** The WGS 84 / UTM zone (EPSG:326zz north, 327zz south) of a box's centre. */
    private static String utmCode(GeographicBoundingBox box) {
        double lon = (box.getWestBoundLongitude() + box.getEastBoundLongitude()) / 2;
        double lat = (box.getSouthBoundLatitude() + box.getNorthBoundLatitude()) / 2;
        int zone = Math.min(60, (int) Math.floor((lon + 180) / 6) + 1);
        return "EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone);
    }
}
