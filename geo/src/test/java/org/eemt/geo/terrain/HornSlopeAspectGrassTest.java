package org.eemt.geo.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Horn slope and aspect against GRASS {@code r.slope.aspect} (run here, GRASS 8.2) on interior
 * cells: the projected sample DEM and the geographic (lat/lon, UInt16, NoData 65535) Zion DEM,
 * the latter with a block of NoData cut in by GRASS so that NoData handling is compared too.
 */
class HornSlopeAspectGrassTest {
    @TempDir
    Path tmp;

    @Test
    void projectedSampleDemAgreesWithGrassWithinOneHundredthOfADegree() throws Exception {
        Path dem = TestData.sampleDem();
        ExternalTool.grass(tmp, dem, "r.in.gdal --q input=" + dem + " output=dem && g.region raster=dem && " + slopeAspect("dem"));
        compare(dem, 0.01);
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
        compare(holed, 0.1);
    }

    private static String slopeAspect(String dem) {
        return "r.slope.aspect -n --q elevation=" + dem + " slope=slope aspect=aspect precision=DCELL format=degrees && "
                + "r.out.gdal --q -f input=slope output=grass_slope.tif type=Float64 && "
                + "r.out.gdal --q -f input=aspect output=grass_aspect.tif type=Float64";
    }

    private void compare(Path dem, double toleranceDegrees) throws Exception {
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
        System.out.printf("%s: %d interior cells, max |slope - GRASS| = %.2e deg, max |aspect - GRASS| = %.2e deg%n",
                dem.getFileName(), compared, worstSlope, worstAspect);
        assertTrue(compared > n / 2, "most cells compared");
        assertTrue(worstSlope <= toleranceDegrees, "slope differs from GRASS by " + worstSlope + " deg");
        assertTrue(worstAspect <= toleranceDegrees, "aspect differs from GRASS by " + worstAspect + " deg");
    }

    private static float[] readAll(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(r.grid().extent());
        }
    }
}
