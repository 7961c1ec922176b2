package org.eemt.geo.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Horn slope and aspect against GRASS {@code r.slope.aspect} (run here, GRASS 8.2) on interior
 * cells: the projected sample DEM and the geographic (lat/lon, UInt16, NoData 65535) Zion DEM,
 * the latter with a block of NoData cut in by GRASS so that NoData handling is compared too; and
 * the sample DEMs warped here by {@code gdalwarp} to the CRSs users' DEMs come in, GRASS running
 * in a location of the same CRS.
 *
 * <p>Source DEMs are picked near each CRS's area of use where the samples allow (New Mexico: CONUS
 * Albers, UTM 13N, New Mexico State Plane; Utah/Arizona: UTM 11N, California Albers, Arizona State
 * Plane). The European CRSs (3035, 27700, 2056) get the Peru DEM, far outside their area: the map
 * is distorted there, but both sides compute slope on the same map grid, so the comparison still
 * tests that the CRS and its cell size are read right.
 */
class HornSlopeAspectGrassTest {
    @TempDir
    Path tmp;

    @Test
    void projectedSampleDemAgreesWithGrassWithinOneHundredthOfADegree() throws Exception {
        Path dem = TestData.sampleDem();
        ExternalTool.grass(tmp, dem, "r.in.gdal --q input=" + dem + " output=dem && g.region raster=dem && " + slopeAspect("dem"));
        assertTrue(compare(dem, 0.01) > grid(dem).cells() / 2, "most cells compared");
    }

    @Test
    void geographicDemWithNoDataAgreesWithGrassWithinATenthOfADegree() throws Exception {
        Path zion = TestData.shared("dem/zion_srtm_3arcsec_4326.tif");
        Path holed = tmp.resolve("zion_nodata.tif");
        ExternalTool.grass(tmp, zion, "r.in.gdal --q input=" + zion + " output=zion && g.region raster=zion && "
                + "r.mapcalc --q 'dem = if(row() > 100 && row() < 130 && col() > 200 && col() < 260, null(), zion)' && "
                + "r.out.gdal --q input=dem output=" + holed + " type=UInt16 nodata=65535 && " + slopeAspect("dem"));
        try (GeoTiffReader r = GeoTiffReader.open(holed.toString())) {
            assertTrue(r.grid().geographic());
            assertEquals(65535.0, r.noData());
            float[] z = r.read(r.grid().extent());
            assertTrue(Float.isNaN(z[110 * r.grid().columns() + 220]), "the cut-in block is NoData");
        }
        assertTrue(compare(holed, 0.1) > grid(holed).cells() / 2, "most cells compared");
    }

    private static RasterGrid grid(Path dem) {
        return GeoTiffReader.readGrid(dem.toString());
    }

    /**
     * A sample DEM warped to {@code targetSrs} at {@code resolution} map units: the CRS is read with
     * its EPSG code (when it has one) and Horn slopes equal GRASS's in that CRS within 0.01°. CRSs
     * in feet with elevations in metres: GRASS gets {@code zscale} = metres to feet, so that its
     * slope (rise over run in feet) is the ground slope ours computes with cells converted to metres.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "dem/mcn_10m.tif||EPSG:5070|10|EPSG:5070",
        "dem/mcn_10m.tif||EPSG:6342|10|EPSG:6342",
        "dem/zion_srtm_3arcsec_4326.tif||EPSG:6340|90|EPSG:6340",
        "dem/zion_srtm_3arcsec_4326.tif||EPSG:3310|90|EPSG:3310",
        "dem/peru_mongon_utm17s_30m.tif|EPSG:32632 380000 5200000|EPSG:3035|30|EPSG:3035",
        "dem/peru_mongon_utm17s_30m.tif|EPSG:32630 560000 5930000|EPSG:27700|30|EPSG:27700",
        "dem/peru_mongon_utm17s_30m.tif|EPSG:32632 380000 5200000|EPSG:2056|30|EPSG:2056",
        "dem/mcn_10m.tif||+proj=lcc +lat_1=33 +lat_2=45 +lat_0=39 +lon_0=-96 +x_0=0 +y_0=0 +datum=NAD83 +units=m +no_defs|10|",
        "dem/mcn_10m.tif||EPSG:2903|30|EPSG:2903",
        "dem/zion_srtm_3arcsec_4326.tif||EPSG:2223|300|EPSG:2223",
    })
    void warpedDemAgreesWithGrassInTheSameCrs(String sourceName, String relabel, String targetSrs, double resolution, String expectedCode)
            throws Exception {
        Path source = TestData.shared(sourceName);
        if (relabel != null) {
            // the Peru DEM's cells moved into the target CRS's area (upper-left corner easting, northing in a UTM zone there)
            String[] r = relabel.split(" ");
            RasterGrid g = grid(source);
            double ulx = Double.parseDouble(r[1]);
            double uly = Double.parseDouble(r[2]);
            Path moved = tmp.resolve("moved.tif");
            ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-a_srs", r[0], "-a_ullr", Double.toString(ulx), Double.toString(uly),
                    Double.toString(ulx + g.columns() * g.cellWidth()), Double.toString(uly - g.rows() * g.cellHeight()),
                    source.toString(), moved.toString()));
            source = moved;
        }
        Path dem = tmp.resolve("warped.tif");
        ExternalTool.run(tmp, List.of("gdalwarp", "-q", "-t_srs", targetSrs, "-tr", Double.toString(resolution), Double.toString(resolution),
                "-r", "bilinear", "-ot", "Float32", "-dstnodata", "-9999", source.toString(), dem.toString()));
        RasterGrid grid = GeoTiffReader.readGrid(dem.toString());
        assertEquals(expectedCode, grid.crsCode(), "CRS identified");
        assertFalse(grid.geographic());
        double feetToMetres = grid.metresPerUnit();
        if (targetSrs.equals("EPSG:2903")) {
            assertEquals(1200.0 / 3937, feetToMetres, 1e-12, "US survey foot");
        } else if (targetSrs.equals("EPSG:2223")) {
            assertEquals(0.3048, feetToMetres, 1e-12, "international foot");
        } else {
            assertEquals(1.0, feetToMetres);
        }
        ExternalTool.grass(tmp, dem, "r.in.gdal --q input=" + dem + " output=dem && g.region raster=dem && "
                + slopeAspect("dem", 1 / feetToMetres));
        int compared = compare(dem, 0.01);
        assertTrue(compared > grid.cells() / 4, "a quarter of the cells compared at least: " + compared);

        // The products keep the input's CRS: same PROJ definition, and the same EPSG code for GDAL
        // when the input has one (a CRS without a code is written as user-defined GeoKeys).
        Path written = tmp.resolve("written.tif");
        try (GeoTiffReader r = GeoTiffReader.open(dem.toString())) {
            GeoTiffWriter.writeLocal(grid, r.readDoubles(grid.extent()), written);
        }
        assertEquals(gdalSrs(dem, "proj4"), gdalSrs(written, "proj4"), "PROJ definition of the written file");
        System.out.printf("%s: written with %s%n", targetSrs, gdalSrs(written, "epsg"));
        if (expectedCode != null) {
            assertEquals(expectedCode, gdalSrs(written, "epsg"), "EPSG code GDAL finds in the written file");
        }
    }

    private String gdalSrs(Path file, String format) throws Exception {
        return ExternalTool.run(tmp, List.of("gdalsrsinfo", "--single-line", "-o", format, file.toString())).strip();
    }

    private static String slopeAspect(String dem) {
        return slopeAspect(dem, 1);
    }

    private static String slopeAspect(String dem, double zscale) {
        return "r.slope.aspect -n --q elevation=" + dem + " zscale=" + zscale + " slope=slope aspect=aspect precision=DCELL format=degrees && "
                + "r.out.gdal --q -f input=slope output=grass_slope.tif type=Float64 && "
                + "r.out.gdal --q -f input=aspect output=grass_aspect.tif type=Float64";
    }

    /** Compares slope and aspect on interior cells; returns how many were compared. */
    private int compare(Path dem, double toleranceDegrees) throws Exception {
        RasterGrid grid;
        double[] z;
        try (GeoTiffReader r = GeoTiffReader.open(dem.toString())) {
            grid = r.grid();
            z = r.readDoubles(grid.extent());
        }
        int n = Math.toIntExact(grid.cells());
        float[] slope = new float[n], aspect = new float[n], north = new float[n];
        PixelWindow all = grid.extent();
        HornSlopeAspect.compute(z, all, all, grid.columns(), grid.rows(), new MetricCellSize(grid), slope, aspect, north);
        float[] grassSlope = readAll(tmp.resolve("grass_slope.tif"));
        float[] grassAspect = readAll(tmp.resolve("grass_aspect.tif"));

        int compared = 0;
        double worstSlope = 0;
        double worstAspect = 0;
        for (int i = 0; i < n; i++) {
            int row = i / grid.columns();
            int col = i % grid.columns();
            boolean interior = row > 0 && col > 0 && row < grid.rows() - 1 && col < grid.columns() - 1;
            if (!interior) {
                assertTrue(Float.isNaN(slope[i]), "edge cells are NoData");
                continue;
            }
            assertEquals(Float.isNaN(grassSlope[i]), Float.isNaN(slope[i]), "same NoData at row " + row + " col " + col);
            if (Float.isNaN(slope[i])) {
                assertTrue(Float.isNaN(north[i]));
                continue;
            }
            compared++;
            worstSlope = Math.max(worstSlope, Math.abs(slope[i] - grassSlope[i]));
            if (grassAspect[i] == -9999) { // GRASS -n: flat
                assertTrue(Float.isNaN(aspect[i]), "flat in GRASS, aspect " + aspect[i]);
            } else {
                double d = Math.abs(aspect[i] - grassAspect[i]) % 360;
                worstAspect = Math.max(worstAspect, Math.min(d, 360 - d));
            }
        }
        System.out.printf("%s (%s): %d interior cells, max |slope - GRASS| = %.2e deg, max |aspect - GRASS| = %.2e deg%n",
                dem.getFileName(), grid.crsCode() != null ? grid.crsCode() : "WKT", compared, worstSlope, worstAspect);
        assertTrue(worstSlope <= toleranceDegrees, "slope differs from GRASS by " + worstSlope + " deg");
        assertTrue(worstAspect <= toleranceDegrees, "aspect differs from GRASS by " + worstAspect + " deg");
        return compared;
    }

    private static float[] readAll(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(r.grid().extent());
        }
    }
}
