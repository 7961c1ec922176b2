package org.eemt.geo.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eemt.geo.testing.ExternalTool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EPSG code that a GeoTIFF's keys name, read without Apache SIS (to look the CRS up ahead of the reader), from files
 * GDAL writes in the CRSs agencies publish and in TIFF's layouts: classic and BigTIFF, either byte order. GDAL's own
 * reading of the file is the expected code: the CRS's, or under a user-defined projection its geodetic CRS's; a file
 * without georeferencing gives 0.
 */
class TiffCellsCrsCodeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "EPSG:26913, ''",                 // NAD83 / UTM 13N
            "EPSG:32612, ''",                 // WGS 84 / UTM 12N
            "EPSG:6341, ''",                  // NAD83(2011) / UTM 12N
            "EPSG:5070, BIGTIFF=YES",         // NAD83 / Conus Albers
            "EPSG:3035, ENDIANNESS=BIG",      // ETRS89 / LAEA Europe
            "EPSG:4269, ''",                  // NAD83 geographic
            "EPSG:4326, BIGTIFF=YES",         // WGS 84 geographic
            "'+proj=lcc +lat_0=40 +lon_0=-105 +lat_1=33 +lat_2=45 +datum=WGS84 +units=m', ''", // user-defined, on WGS 84
            "'', ''"})                        // no georeferencing
    void theCodeGdalWrote(String crs, String creationOption) throws Exception {
        ExternalTool.require("gdal_create");
        Path tif = tmp.resolve("dem.tif");
        List<String> create = new ArrayList<>(List.of("gdal_create", "-of", "GTiff", "-outsize", "5", "4", "-bands", "1", "-ot", "Float32",
                "-burn", "1500"));
        if (!crs.isEmpty()) {
            boolean degrees = crs.equals("EPSG:4269") || crs.equals("EPSG:4326");
            create.addAll(List.of("-a_srs", crs, "-a_ullr", degrees ? "-107.9" : "300000", degrees ? "37.9" : "1800000",
                    degrees ? "-107.895" : "301250", degrees ? "37.896" : "1799000"));
        }
        if (!creationOption.isEmpty()) {
            create.addAll(List.of("-co", creationOption));
        }
        create.add(tif.toString());
        ExternalTool.run(tmp, create);
        int expected = 0;
        if (!crs.isEmpty()) {
            expected = gdalEpsgCode(tif);
            assertEquals(crs.startsWith("EPSG:") ? Integer.parseInt(crs.substring(5)) : 4326, expected, "GDAL's code");
        }

        try (SeekableByteChannel channel = Files.newByteChannel(tif)) {
            assertEquals(expected, TiffCells.first(channel).epsgCode(), crs + " " + creationOption);
        }
    }

    /** The code of the CRS as GDAL reads the file ({@code gdalsrsinfo}), or of its base geodetic CRS when it has none. */
    private int gdalEpsgCode(Path tif) throws Exception {
        int code = Integer.parseInt(ExternalTool.run(tmp, List.of("gdalsrsinfo", "-o", "epsg", tif.toString())).trim().substring(5));
        if (code > 0) {
            return code;
        }
        Matcher base = Pattern.compile("BASEGEOGCRS\\[.*?ID\\[\"EPSG\",(\\d+)\\]", Pattern.DOTALL)
                .matcher(ExternalTool.run(tmp, List.of("gdalsrsinfo", "-o", "wkt2", tif.toString())));
        return base.find() ? Integer.parseInt(base.group(1)) : 0;
    }
}
