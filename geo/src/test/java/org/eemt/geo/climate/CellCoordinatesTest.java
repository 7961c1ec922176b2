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

/** Cell-centre latitudes (Hamon's day length) for projected and geographic DEMs. */
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
}
