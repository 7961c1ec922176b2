package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cell-centre latitudes (Hamon's day length, the sun's path) for projected and geographic DEMs. */
class CellCoordinatesTest {
    @TempDir
    Path temp;

    @Test
    void projectedDemLatitudesAsPROJGivesThem() throws Exception {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        double[] latitudes = CellCoordinates.latitudesDegrees(dem);
        int column = 200;
        int row = 30;
        Path point = Files.writeString(temp.resolve("p.txt"),
                String.format(Locale.ROOT, "%f %f%n", dem.centreX(column), dem.centreY(row)));
        String[] lonLat = Fixtures.runWithInput(point, "gdaltransform", "-s_srs", "EPSG:26913", "-t_srs", "EPSG:4326",
                "-output_xy").trim().split("\\s+");
        // EPSG:4326 in gdaltransform's traditional GIS order: longitude, latitude
        assertEquals(Double.parseDouble(lonLat[1]), latitudes[row * dem.columns() + column], 1e-7);
    }

    @Test
    void geographicDemLatitudeIsTheRowCentreNotTheLongitude() {
        RasterGrid zion = GeoTiffReader.readGrid(TestData.shared("dem/zion_srtm_3arcsec_4326.tif").toString());
        double[] latitudes = CellCoordinates.latitudesDegrees(zion);
        assertEquals(zion.centreY(0), latitudes[0], 1e-9);
        assertEquals(zion.centreY(zion.rows() - 1), latitudes[latitudes.length - 1], 1e-9);
    }

    /**
     * DEMs made as users make them ({@code gdal_create}, tagged with the CRSs agencies publish): every cell centre's latitude
     * as PROJ gives it on the DEM's own datum (its geographic base CRS, in degrees from Greenwich), where SIS inverts the
     * map projection itself; the geographic DEM goes through SIS's operation to WGS 84.
     */
    @ParameterizedTest
    @CsvSource({
            "EPSG:26913, EPSG:4269, 300000, 4200000",    // NAD83 / UTM 13N
            "EPSG:32612, EPSG:4326, 330000, 4130000",    // WGS 84 / UTM 12N
            "EPSG:5070, EPSG:4269, -1200000, 1800000",   // NAD83 / Conus Albers
            "EPSG:6341, EPSG:6318, 330000, 4130000",     // NAD83(2011) / UTM 12N
            "EPSG:26713, EPSG:4267, 300000, 4200000",    // NAD27 / UTM 13N: no datum shift to WGS 84 applied
            "EPSG:3035, EPSG:4258, 4400000, 3300000",    // ETRS89 / LAEA Europe: northing first in EPSG
            "EPSG:2056, EPSG:4150, 2600000, 1200000",    // CH1903+ / LV95: oblique Mercator
            "EPSG:27572, EPSG:4275, 600000, 2428000",    // NTF (Paris) / Lambert zone II: Paris meridian, grads
            "EPSG:32733, EPSG:4326, 500000, 8500000",    // WGS 84 / UTM 33S
            "EPSG:4269, EPSG:4326, -107.9, 37.9"})       // NAD83 geographic
    void latitudesOfEveryCellAsPROJGivesThemOnTheDemsDatum(String crs, String geographic, double left, double top) throws Exception {
        boolean degrees = crs.equals("EPSG:4269");
        double cell = degrees ? 0.001 : 250;
        Path dem = temp.resolve(crs.replace(':', '_') + ".tif");
        Fixtures.run("gdal_create", "-of", "GTiff", "-outsize", "7", "5", "-bands", "1", "-ot", "Float32", "-burn", "1500",
                "-a_srs", crs, "-a_ullr", Double.toString(left), Double.toString(top), Double.toString(left + 7 * cell),
                Double.toString(top - 5 * cell), dem.toString());
        RasterGrid grid = GeoTiffReader.readGrid(dem.toString());
        double[] latitudes = CellCoordinates.latitudesDegrees(grid);
        StringBuilder points = new StringBuilder();
        for (int row = 0; row < grid.rows(); row++) {
            for (int column = 0; column < grid.columns(); column++) {
                points.append(String.format(Locale.ROOT, "%.6f %.6f%n", grid.centreX(column), grid.centreY(row)));
            }
        }
        Path input = Files.writeString(temp.resolve("points.txt"), points);
        String[] lines = Fixtures.runWithInput(input, "gdaltransform", "-s_srs", crs, "-t_srs", geographic, "-output_xy").trim().split("\\R");
        assertEquals(latitudes.length, lines.length);
        for (int i = 0; i < lines.length; i++) {
            // gdaltransform's traditional GIS order: longitude, latitude
            double expected = Double.parseDouble(lines[i].trim().split("\\s+")[1]);
            assertEquals(expected, latitudes[i], degrees ? 1e-5 : 1e-8, crs + ", cell " + i);
        }
    }
}
