package org.eemt.geo.climate;

import java.io.Serializable;
import java.util.Locale;
import javax.measure.Unit;
import javax.measure.quantity.Angle;
import org.apache.sis.measure.Units;
import org.apache.sis.referencing.CRS;
import org.opengis.parameter.ParameterValueGroup;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.util.FactoryException;

/**
 * The Lambert conformal conic projection of a Daymet grid (Daymet: standard parallels 25 and 60 °N,
 * origin 42.5 °N, 100 °W, WGS 84 ellipsoid; SCIENCE.md §3). Daymet has no EPSG code: the parameters
 * come from the CF {@code lambert_conformal_conic} grid-mapping attributes of a netCDF file, or from
 * the CRS of a GeoTIFF, and become an SIS WKT {@code Lambert Conic Conformal (2SP)} with coordinates
 * in metres, whatever unit (m or km) the file uses.
 *
 * @param latitudeOfOriginDegrees   latitude of the false origin (°)
 * @param centralMeridianDegrees    longitude of the false origin (°)
 * @param firstParallelDegrees      first standard parallel (°)
 * @param secondParallelDegrees     second standard parallel (°)
 * @param falseEastingMetres        easting of the false origin (m)
 * @param falseNorthingMetres       northing of the false origin (m)
 * @param semiMajorAxisMetres       ellipsoid semi-major axis (m)
 * @param inverseFlattening         ellipsoid inverse flattening (0 for a sphere)
 */
public record LambertConformal(double latitudeOfOriginDegrees, double centralMeridianDegrees,
                               double firstParallelDegrees, double secondParallelDegrees,
                               double falseEastingMetres, double falseNorthingMetres,
                               double semiMajorAxisMetres, double inverseFlattening) implements Serializable {

    private static final String METHOD = "Lambert Conic Conformal (2SP)";

    /**
     * From the attributes of a CF grid-mapping variable; {@code null} when it is not a Lambert
     * conformal conic mapping or lacks a parameter (the caller reports the file).
     */
    static LambertConformal fromGridMapping(NetcdfFile file, String mappingVariable) {
        Object name = file.attribute(mappingVariable, "grid_mapping_name");
        if (!"lambert_conformal_conic".equals(name)) {
            return null;
        }
        double[] parallels = numbers(file, mappingVariable, "standard_parallel");
        double[] lat0 = numbers(file, mappingVariable, "latitude_of_projection_origin");
        double[] lon0 = numbers(file, mappingVariable, "longitude_of_central_meridian");
        if (parallels == null || parallels.length < 1 || parallels.length > 2 || lat0 == null || lon0 == null) {
            return null;
        }
        double[] fe = numbers(file, mappingVariable, "false_easting");
        double[] fn = numbers(file, mappingVariable, "false_northing");
        double[] a = numbers(file, mappingVariable, "semi_major_axis");
        double[] invF = numbers(file, mappingVariable, "inverse_flattening");
        double[] radius = numbers(file, mappingVariable, "earth_radius");
        double semiMajor = a != null ? a[0] : radius != null ? radius[0] : 6378137.0;
        double inverseFlattening = invF != null ? invF[0] : (a == null && radius != null ? 0 : 298.257223563);
        return new LambertConformal(lat0[0], lon0[0], parallels[0], parallels[parallels.length - 1],
                fe == null ? 0 : fe[0], fn == null ? 0 : fn[0], semiMajor, inverseFlattening);
    }

    /**
     * From a CRS read elsewhere (a GeoTIFF's); {@code null} when it is not a Lambert conic
     * conformal (2SP) projection.
     */
    static LambertConformal fromCrs(CoordinateReferenceSystem crs) {
        if (!(crs instanceof ProjectedCRS projected)
                || !METHOD.equalsIgnoreCase(projected.getConversionFromBase().getMethod().getName().getCode())) {
            return null;
        }
        ParameterValueGroup p = projected.getConversionFromBase().getParameterValues();
        Unit<Angle> degree = Units.DEGREE;
        Ellipsoid e = projected.getDatum().getEllipsoid();
        return new LambertConformal(
                p.parameter("Latitude of false origin").doubleValue(degree),
                p.parameter("Longitude of false origin").doubleValue(degree),
                p.parameter("Latitude of 1st standard parallel").doubleValue(degree),
                p.parameter("Latitude of 2nd standard parallel").doubleValue(degree),
                p.parameter("Easting at false origin").doubleValue(Units.METRE),
                p.parameter("Northing at false origin").doubleValue(Units.METRE),
                e.getSemiMajorAxis(), e.isSphere() ? 0 : e.getInverseFlattening());
    }

    /** Metres per unit of the first axis of a projected CRS (1000 for km). */
    static double metresPerAxisUnit(CoordinateReferenceSystem crs) {
        Unit<?> unit = crs.getCoordinateSystem().getAxis(0).getUnit();
        return unit.asType(javax.measure.quantity.Length.class).getConverterTo(Units.METRE).convert(1.0);
    }

    /** Equal within a micro-degree and a millimetre: the same projection written by two tools. */
    boolean sameAs(LambertConformal o) {
        double deg = 1e-6;
        return Math.abs(latitudeOfOriginDegrees - o.latitudeOfOriginDegrees) < deg
                && Math.abs(centralMeridianDegrees - o.centralMeridianDegrees) < deg
                && Math.abs(firstParallelDegrees - o.firstParallelDegrees) < deg
                && Math.abs(secondParallelDegrees - o.secondParallelDegrees) < deg
                && Math.abs(falseEastingMetres - o.falseEastingMetres) < 1e-3
                && Math.abs(falseNorthingMetres - o.falseNorthingMetres) < 1e-3
                && Math.abs(semiMajorAxisMetres - o.semiMajorAxisMetres) < 1e-3
                && Math.abs(inverseFlattening - o.inverseFlattening) < 1e-6;
    }

    /** The projection as WKT 2 with coordinates in metres. */
    public String wkt() {
        String ellipsoid = inverseFlattening == 0
                ? String.format(Locale.ROOT, "ELLIPSOID[\"Sphere\",%s,0,LENGTHUNIT[\"metre\",1]]", semiMajorAxisMetres)
                : String.format(Locale.ROOT, "ELLIPSOID[\"Daymet ellipsoid\",%s,%s,LENGTHUNIT[\"metre\",1]]",
                        semiMajorAxisMetres, inverseFlattening);
        String degree = "ANGLEUNIT[\"degree\",0.0174532925199433]";
        return String.format(Locale.ROOT,
                "PROJCRS[\"Daymet Lambert Conformal Conic\","
                + "BASEGEOGCRS[\"Daymet geographic\",DATUM[\"Daymet datum\",%s],PRIMEM[\"Greenwich\",0],%s],"
                + "CONVERSION[\"Daymet LCC\",METHOD[\"%s\",ID[\"EPSG\",9802]],"
                + "PARAMETER[\"Latitude of false origin\",%s,%s],"
                + "PARAMETER[\"Longitude of false origin\",%s,%s],"
                + "PARAMETER[\"Latitude of 1st standard parallel\",%s,%s],"
                + "PARAMETER[\"Latitude of 2nd standard parallel\",%s,%s],"
                + "PARAMETER[\"Easting at false origin\",%s,LENGTHUNIT[\"metre\",1]],"
                + "PARAMETER[\"Northing at false origin\",%s,LENGTHUNIT[\"metre\",1]]],"
                + "CS[Cartesian,2],AXIS[\"easting (X)\",east],AXIS[\"northing (Y)\",north],LENGTHUNIT[\"metre\",1]]",
                ellipsoid, degree, METHOD,
                latitudeOfOriginDegrees, degree, centralMeridianDegrees, degree,
                firstParallelDegrees, degree, secondParallelDegrees, degree,
                falseEastingMetres, falseNorthingMetres);
    }

    /** The SIS CRS of {@link #wkt()}. */
    public CoordinateReferenceSystem crs() {
        try {
            return CRS.fromWKT(wkt());
        } catch (FactoryException e) {
            throw new IllegalStateException("cannot build the Lambert conformal CRS: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(NetcdfFile file, String variable, String attribute) {
        return file.attribute(variable, attribute) instanceof double[] d && d.length > 0 ? d : null;
    }
}
