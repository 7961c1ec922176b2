package org.eemt.job.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad options and DEMs that are refused before Spark starts: exit code 2, one line naming the
 * option or file, the problem and the fix, nothing in the output directory. The DEMs are made here
 * with GDAL from the sample DEM.
 */
class DemAndOptionChecksTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--tile-size|0|a tile must be at least 3 x 3 cells",
        "--tile-size|-5|a tile must be at least 3 x 3 cells",
        "--mosaic-max-cells|0|must be a positive number of cells",
        "--band|0|bands are numbered from 1",
        "--days|0-400|is not a day of year or range within 1..365",
        "--days|summer|is not a day of year or range within 1..365",
        "--step|0|step must be in (0, 24] hours",
        "--shading|sometimes|unknown shading mode",
        "--north|magnetic|unknown north",
        "--solar-engine|fortran|unknown solar engine",
        "--years|20x0|is not a year, a range or a list",
    })
    void badOptionValue(String option, String value, String problem) {
        String line = refused(TestData.sampleDem(), option, value);
        assertTrue(line.contains(problem) && line.contains(option.substring(2)), line); // names the option and the problem
    }

    @ParameterizedTest(name = "{0} x {1} cells")
    @CsvSource({"1, 1", "2, 2", "500, 1", "1, 200", "2, 100"})
    void demSmallerThanThreeByThree(int columns, int rows) throws Exception {
        Path dem = gdal("tiny.tif", "gdal_translate", "-q", "-srcwin", "0", "0", columns + "", rows + "");
        String line = refused(dem);
        assertTrue(line.contains(dem + ": has " + columns + " x " + rows + " cells") && line.contains("at least 3 x 3"), line);
    }

    @Test
    void bandThatTheDemDoesNotHave() throws Exception {
        Path dem = gdal("three-bands.tif", "gdal_translate", "-q", "-b", "1", "-b", "1", "-b", "1");
        String line = refused(dem, "--band", "4");
        assertTrue(line.contains(dem + ": has no band 4 (it has 3)") && line.contains("--band"), line);
    }

    @Test
    void webMercatorIsRefusedWithTheCommandToItsUtmZone() throws Exception {
        Path dem = gdal("mercator.tif", "gdalwarp", "-q", "-t_srs", "EPSG:3857", "-r", "bilinear");
        String line = refused(dem);
        assertTrue(line.contains(dem + ": is in a Mercator projection (WGS 84 / Pseudo-Mercator)")
                && line.contains("gdalwarp -t_srs EPSG:32613 -r bilinear " + dem), line); // the sample DEM is in UTM zone 13N
    }

    @Test
    void crsThatCannotBeUnderstood() throws Exception {
        // Interrupted Goode homolosine: GDAL writes user-defined GeoTIFF keys that no GeoTIFF reader can turn into a CRS
        Path dem = gdal("goode.tif", "gdalwarp", "-q", "-t_srs", "+proj=igh +datum=WGS84", "-tr", "10", "10", "-r", "bilinear");
        String line = refused(dem);
        assertTrue(line.contains(dem + ": has a coordinate reference system that cannot be understood")
                && line.contains("gdalwarp -t_srs EPSG:") && !line.contains("no georeferencing"), line);
    }

    @Test
    void grassEngineRefusesCellsInFeet() throws Exception {
        Path dem = gdal("feet.tif", "gdalwarp", "-q", "-t_srs", "EPSG:2903", "-tr", "30", "30", "-r", "bilinear");
        String line = refused(dem, "--solar-engine", "grass");
        assertTrue(line.contains(dem + ": has cells in feet") && line.contains("--solar-engine java"), line);
    }

    @Test
    void grassEngineRefusesTrueNorthFarFromGridNorth() throws Exception {
        // EPSG:5070 at the sample DEM's site: grid north 6.4° from true north, which r.sun ignores
        Path dem = gdal("albers.tif", "gdalwarp", "-q", "-t_srs", "EPSG:5070", "-tr", "10", "10", "-r", "bilinear");
        String line = refused(dem, "--solar-engine", "grass");
        assertTrue(line.contains(dem + ": grid north is up to -6.") && line.contains("--north grid"), line);
    }

    /** A DEM made by a GDAL command from the sample DEM: {@code command... sample out}. */
    private Path gdal(String name, String... command) throws Exception {
        ExternalTool.require(command[0]);
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.add(TestData.sampleDem().toString());
        cmd.add(out.toString());
        ExternalTool.run(tmp, cmd);
        return out;
    }

    /** Runs {@code eemt run} on {@code dem} with extra options; asserts exit 2 and an empty output directory; returns the line. */
    private String refused(Path dem, String... extra) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", "--dem", dem.toString(), "--out", out.toString(), "--master", "local[1]"));
        args.addAll(List.of(extra));
        InProcessCli.Outcome outcome = InProcessCli.execute(args);
        String line = outcome.onlyEemtLine(2);
        assertFalse(outcome.stderr().contains("\tat "), "no stack trace: " + outcome.stderr());
        try (var left = Files.exists(out) ? Files.walk(out) : java.util.stream.Stream.<Path>empty()) {
            assertFalse(left.anyMatch(Files::isRegularFile), "nothing written in " + out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return line;
    }
}
