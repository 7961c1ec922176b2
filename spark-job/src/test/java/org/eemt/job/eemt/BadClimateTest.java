package org.eemt.job.eemt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.MonthlyClimateFixture;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-climate matrix through the CLI: each case is one line on standard error, exit code 2,
 * and nothing written in the output directory (the climate is checked before Spark starts).
 */
class BadClimateTest {
    private static final Path FIXTURE = TestData.shared("climate/daymet-monthly-fixture");
    private static final String TMAX_2000 = "daymet_v4_tmax_monavg_na_2000.nc";
    private static final Path PERU = TestData.shared("dem/peru_mongon_utm17s_30m.tif");

    @TempDir
    Path tmp;

    @Test
    void climateFilesInAnotherProjection() throws Exception {
        Path dir = fixtureCopy("utm");
        editWithNcgen(dir.resolve(TMAX_2000), "grid_mapping_name = \"lambert_conformal_conic\"", "grid_mapping_name = \"transverse_mercator\"");
        assertRejected(dir.toString(), "not the Daymet CRS");
    }

    @Test
    void referenceElevationInAnotherProjection() throws Exception {
        assertRejected(FIXTURE.toString(), "not the Daymet CRS", "--climate-elevation", TestData.sampleDem().toString());
    }

    @Test
    void climateThatDoesNotCoverTheDem() throws Exception {
        RasterGrid dem;
        float[] z;
        try (GeoTiffReader r = GeoTiffReader.open(TestData.sampleDem().toString())) {
            dem = r.grid();
            z = r.read(dem.extent());
        }
        // the same DEM 30 km further east: beyond the fixture's 12 km window
        RasterGrid east = new RasterGrid(dem.columns(), dem.rows(), dem.originX() + 30000, dem.originY(), dem.cellWidth(),
                dem.cellHeight(), dem.crsCode(), dem.crsWkt(), false, dem.semiMajorAxisMetres(), dem.inverseFlattening());
        Path shifted = tmp.resolve("east.tif");
        GeoTiffWriter.write(east, z, shifted.toString());
        assertRejected(FIXTURE.toString(), "does not cover the DEM", shifted, "--years", "2000");
    }

    @Test
    void missingVariable() throws Exception {
        Path dir = fixtureCopy("novp");
        Files.delete(dir.resolve("daymet_v4_vp_monavg_na_2001.nc"));
        assertRejected(dir.toString(), "has no vp file for 2001", "--years", "2000-2001");
    }

    @Test
    void missingMonth() throws Exception {
        Path dir = fixtureCopy("nodec");
        // December's time stamp (day 18611.5 after 1950-01-01) replaced by November's (18581): no December
        editWithNcgen(dir.resolve(TMAX_2000), "18611.5 ;", "18581 ;");
        assertRejected(dir.toString(), "time step 12 is 2000-11-15, expected month 12 of 2000");
    }

    @Test
    void unreadableFile() throws Exception {
        Path dir = fixtureCopy("truncated");
        byte[] whole = Files.readAllBytes(dir.resolve(TMAX_2000));
        Files.write(dir.resolve(TMAX_2000), Arrays.copyOf(whole, whole.length / 3));
        assertRejected(dir.toString(), TMAX_2000);
    }

    @Test
    void terraClimateWithUnitsOfItsOwn() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("terraclimate"));
        MonthlyClimateFixture.terraClimate(dir, 2001, "nc7", false);
        Path vap = dir.resolve("TerraClimate_vap_2001.nc");
        editWithNcgen(vap, "vap:units = \"kPa\"", "vap:units = \"mmHg\"");
        assertRejected(dir.toString(), vap + ": vap has units \"mmHg\"", PERU, "--years", "2001");
    }

    @Test
    void worldClimWithoutYears() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("worldclim"));
        MonthlyClimateFixture.worldClim(dir, true);
        assertRejected(dir.toString(), "is a WorldClim climatology (monthly means with no year)", PERU);
    }

    @Test
    void csvWithoutHeaderLine() throws Exception {
        List<String> lines = Files.readAllLines(TestData.shared("climate/daymet_v2_telluride_co.csv"));
        Path csv = Files.write(tmp.resolve("headless.csv"), lines.stream().filter(l -> !l.startsWith("year,yday")).toList());
        assertRejected(csv.toString(), "has no year,yday header line");
    }

    private Path fixtureCopy(String name) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        try (var files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** Rewrites a netCDF file through ncdump and ncgen with one text replacement in its CDL. */
    private void editWithNcgen(Path file, String from, String to) throws Exception {
        ExternalTool.require("ncgen");
        String cdl = ExternalTool.run(tmp, List.of("ncdump", "-p", "9,17", file.toString()));
        assertTrue(cdl.contains(from), from);
        Path edited = Files.writeString(tmp.resolve("edited.cdl"), cdl.replace(from, to));
        Files.delete(file);
        ExternalTool.run(tmp, List.of("ncgen", "-k", "nc4", "-o", file.toString(), edited.toString()));
    }

    private void assertRejected(String climate, String expected, String... extra) throws Exception {
        assertRejected(climate, expected, TestData.sampleDem(), extra);
    }

    private void assertRejected(String climate, String expected, Path dem, String... extra) throws Exception {
        Path out = tmp.resolve("out-" + Math.abs(climate.hashCode()) + "-" + extra.length);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--dem", dem.toString(), "--out", out.toString(),
                "--climate", climate, "--master", "local[2]"));
        args.addAll(List.of(extra));
        InProcessCli.Outcome outcome = InProcessCli.execute(args);
        // Apache SIS may log warnings of its own (java.util.logging) on standard error too: look at eemt's lines
        String line = outcome.onlyEemtLine(2);
        assertTrue(line.startsWith("eemt: ") && line.contains(expected), outcome.stderr());
        if (Files.exists(out)) { // a climate refused while the options are read stops before --out is made
            try (var left = Files.walk(out)) {
                assertFalse(left.anyMatch(p -> p.toString().endsWith(".tif")), "no product written in " + out);
            }
        }
    }
}
