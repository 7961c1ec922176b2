package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ClimateStandIn;
import org.eemt.geo.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The climate fetchers against their stand-ins ({@link ClimateStandIn}). fetch-daymet on the
 * Earthdata Cloud OPeNDAP stand-in: DAP4 index-range subsets answered as real netCDF-4, token and
 * netrc logins, the failure cases, resume, and that the files read as {@code --climate} to the same
 * climate as the data given directly; fetch-daymet --point on the single-pixel API; fetch-terraclimate
 * on the NetcdfSubset stand-in.
 */
class ClimateFetchersTest {
    @RegisterExtension
    final ClimateStandIn service = new ClimateStandIn();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    @Test
    void tokenFetchSubsetsRetriesResumesAndReadsLikeTheDataGivenDirectly() throws Exception {
        ExternalTool.require("ncgen");
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        Path out = tmp.resolve("climate");
        service.fault("500", "429", "truncate");
        int fetched = fetcher(login(ClimateStandIn.TOKEN, null), 4).fetch(dem, List.of(2000), out.toString(), progress());
        assertEquals(4, fetched);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("HTTP 500, retrying") && text.contains("HTTP 429, retrying") && text.contains("IOException"), text);
        // the axes first (x/y/mapping only), then one index-range subset per variable
        assertTrue(service.requests.get(3).endsWith("daymet_v4_tmax_monavg_na_2000.nc.dap.nc4?dap4.ce=/x;/y;/lambert_conformal_conic"),
                service.requests.toString());
        String tmax = service.requests.get(4);
        // the sample DEM at x -575071 m, y -688304 m (LCC, DEPENDENCY-NOTES) lies in column ~3985, row ~5672 of the stand-in grid
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "dap4\\.ce=/tmax\\[0:1:11]\\[(\\d+):1:(\\d+)]\\[(\\d+):1:(\\d+)];/time\\[0:1:11];/y\\[\\d+:1:\\d+];/x\\[\\d+:1:\\d+];/lambert_conformal_conic")
                .matcher(tmax);
        assertTrue(m.find(), tmax);
        int j0 = Integer.parseInt(m.group(1));
        int j1 = Integer.parseInt(m.group(2));
        int i0 = Integer.parseInt(m.group(3));
        int i1 = Integer.parseInt(m.group(4));
        System.out.printf("fetch-daymet stand-in: columns %d-%d, rows %d-%d for the sample DEM%n", i0, i1, j0, j1);
        assertTrue(i0 >= 3980 && i1 <= 3992 && i1 - i0 >= 2 * DaymetFetcher.MARGIN_CELLS + 1, tmax);
        assertTrue(j0 >= 5665 && j1 <= 5680 && j1 - j0 >= 2 * DaymetFetcher.MARGIN_CELLS + 1, tmax);
        assertEquals(List.of("Bearer " + ClimateStandIn.TOKEN), service.dataAuthorizations.stream().distinct().toList());
        assertFalse(text.contains(ClimateStandIn.TOKEN), "the token never appears in the log");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("daymet_v4_prcp_monttl_na_2000.nc", "daymet_v4_tmax_monavg_na_2000.nc",
                    "daymet_v4_tmin_monavg_na_2000.nc", "daymet_v4_vp_monavg_na_2000.nc"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "four files, no part file left");
        }

        // the same numbers given directly: a wider window of the same virtual granules, made with ncgen
        Path direct = Files.createDirectories(tmp.resolve("direct"));
        for (ClimateVariable v : ClimateVariable.values()) {
            service.daymetFile(direct.resolve("daymet_v4_" + v.daymetName() + "_" + v.aggregation() + "_na_2000.nc"), v.daymetName(), 2000,
                    i0 - 3, i1 + 4, j0 - 2, j1 + 5);
        }
        CellClimate fromFetch = sample(out, dem);
        CellClimate fromDirect = sample(direct, dem);
        for (int month = 0; month < 12; month++) {
            assertArrayEquals(fromDirect.tmaxCelsius()[month], fromFetch.tmaxCelsius()[month]);
            assertArrayEquals(fromDirect.tminCelsius()[month], fromFetch.tminCelsius()[month]);
            assertArrayEquals(fromDirect.precipitationMm()[month], fromFetch.precipitationMm()[month]);
            assertArrayEquals(fromDirect.vapourPressurePa()[month], fromFetch.vapourPressurePa()[month]);
        }
        assertTrue(Float.isFinite(fromFetch.tmaxCelsius()[6][0]));

        service.requests.clear();
        assertEquals(0, fetcher(login(ClimateStandIn.TOKEN, null), 2).fetch(dem, List.of(2000), out.toString(), progress()));
        assertEquals(List.of(), service.requests, "a second run keeps every complete file");
        Files.write(out.resolve("daymet_v4_vp_monavg_na_2000.nc"), new byte[] {(byte) 0x89, 'H', 'D', 'F'});
        assertEquals(1, fetcher(login(ClimateStandIn.TOKEN, null), 2).fetch(dem, List.of(2000), out.toString(), progress()));
        assertEquals(2, service.requests.size(), "a broken file is fetched again (axes + the file)");
    }

    @Test
    void netrcCredentialsGoThroughTheLoginRedirectAndTheCookie() throws Exception {
        ExternalTool.require("ncgen");
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        EarthdataLogin netrc = EarthdataLogin.find(null, null, service.netrc(), URI.create(service.loginUrl()));
        assertEquals("netrc login for 127.0.0.1", netrc.toString());
        assertEquals(4, fetcher(netrc, 1).fetch(dem, List.of(2001), tmp.resolve("c").toString(), progress()));
        assertEquals(List.of(), service.dataAuthorizations, "the password goes to the login host only");
        assertEquals(6, service.requests.size(), "the first request redirected to the login, then again with the session "
                + "cookie; the four files with the cookie at once: " + service.requests);
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(ClimateStandIn.PASSWORD));
    }

    @Test
    void aWrongNetrcPasswordIsRefusedByTheLoginInOneLine() {
        EarthdataLogin wrong = new EarthdataLogin(null, ClimateStandIn.USER, "not-the-password", URI.create(service.loginUrl()));
        EemtException e = failure(wrong, 3);
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("not accepted"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
    }

    @Test
    void withoutCredentialsTheLoginRedirectIsOneClearLine() {
        EemtException e = failure(login(null, null), 3);
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("Earthdata Login needed") && e.getMessage().contains("EARTHDATA_TOKEN"), e.getMessage());
        assertEquals(1, service.requests.size(), "no retry");
    }

    @Test
    void aRefusedTokenIsOneLineWithoutTheToken() {
        EemtException e = failure(login("wrong-secret-token-55", null), 3);
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-token-55"), e.getMessage());
        assertEquals(1, service.requests.size(), "no retry for 401");
    }

    @Test
    void anHtmlPageInsteadOfDataIsOneLine() {
        service.fault("html");
        EemtException e = failure(login(ClimateStandIn.TOKEN, null), 3);
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }

    @Test
    void exhaustedRetriesLeaveNoFile() throws Exception {
        service.fault("503", "503", "500");
        EemtException e = failure(login(ClimateStandIn.TOKEN, null), 3);
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("failed 3 times (HTTP 500)"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")) && Files.list(tmp.resolve("out")).findAny().isPresent());
    }

    @Test
    void theRetiredThreddsEndpointIsRecognised() {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        DaymetFetcher old = new DaymetFetcher(service.url() + "/thredds/ncss/ornldaac/2131", "na", login(ClimateStandIn.TOKEN, null), 3,
                Duration.ofMillis(5));
        EemtException e = assertThrows(EemtException.class, () -> old.fetch(dem, List.of(2000), tmp.resolve("out").toString(), progress()));
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("retired endpoint"), e.getMessage());
    }

    @Test
    void aDemOutsideDaymetIsAnInputError() {
        ExternalTool.require("ncgen");
        RasterGrid peru = GeoTiffReader.readGrid(org.eemt.geo.testing.TestData.shared("dem/peru_mongon_utm17s_30m.tif").toString());
        EemtException e = assertThrows(EemtException.class, () -> fetcher(login(ClimateStandIn.TOKEN, null), 1)
                .fetch(peru, List.of(2000), tmp.resolve("out").toString(), progress()));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("lies outside Daymet's region na") && e.getMessage().contains("fetch-terraclimate"), e.getMessage());
    }

    @Test
    void netrcParsing() {
        String text = "machine a.org login u1 password p1\ndefault login d password dp\nmachine urs.earthdata.nasa.gov\n login me\n password secret\n";
        assertArrayEquals(new String[] {"me", "secret"}, EarthdataLogin.netrcEntry(text, "urs.earthdata.nasa.gov"));
        assertArrayEquals(new String[] {"d", "dp"}, EarthdataLogin.netrcEntry(text, "other.org"));
        assertEquals(null, EarthdataLogin.netrcEntry("machine a.org login u1 password p1", "urs.earthdata.nasa.gov"));
    }

    @Test
    void singlePixelRecordIsFetchedRetriedKeptAndReadAsTheSameRecord() throws Exception {
        service.fault("502", "truncate");
        DaymetSinglePixel api = new DaymetSinglePixel(service.url() + "/single-pixel/api/data", 3, Duration.ofMillis(5));
        String file = api.fetch(35.8025, -106.6240, 2000, 2001, tmp.resolve("pt").toString(), progress());
        assertTrue(service.requests.get(2).endsWith("?lat=35.802500&lon=-106.624000&vars=tmax,tmin,prcp,vp&start=2000-01-01&end=2001-12-31"),
                service.requests.toString());
        Path direct = Files.writeString(tmp.resolve("direct.csv"), ClimateStandIn.singlePixelCsv(35.8025, -106.6240, 2000, 2001));
        StationRecord fetched = DaymetCsv.read(file);
        StationRecord given = DaymetCsv.read(direct.toString());
        assertEquals(List.of(2000, 2001), fetched.completeYears());
        assertEquals(given.elevationMetres(), fetched.elevationMetres());
        for (int year : List.of(2000, 2001)) {
            assertTrue(java.util.Arrays.deepEquals(given.monthly().get(year), fetched.monthly().get(year)), "months of " + year);
        }
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(Path.of(file)));

        service.requests.clear();
        assertEquals(file, api.fetch(35.8025, -106.6240, 2000, 2001, tmp.resolve("pt").toString(), progress()));
        assertEquals(List.of(), service.requests, "kept");

        service.fault("html");
        EemtException e = assertThrows(EemtException.class, () -> api.fetch(36.0, -106.0, 2000, 2000, tmp.resolve("pt").toString(), progress()));
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
        try (Stream<Path> files = Files.list(tmp.resolve("pt"))) {
            assertEquals(1, files.count(), "no partial file beside the complete one");
        }
        EemtException bad = assertThrows(EemtException.class, () -> api.fetch(95, 0, 2000, 2000, tmp.toString(), progress()));
        assertEquals(EemtException.INPUT, bad.exitCode());
    }

    @Test
    void terraClimateYearsAreFetchedForTheDemsBoxInTheirOwnFormat() throws Exception {
        ExternalTool.require("ncgen");
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        service.fault("500", "truncate");
        TerraClimateFetcher fetcher = new TerraClimateFetcher(service.url() + "/thredds/ncss/TERRACLIMATE_ALL/data", 3, Duration.ofMillis(5));
        Path out = tmp.resolve("tc");
        assertEquals(4, fetcher.fetch(dem, List.of(2000), out.toString(), progress()));
        String tmax = service.requests.stream().filter(r -> r.contains("TerraClimate_tmax_2000.nc?")).findFirst().orElseThrow();
        // the DEM box (DaymetFetcherTest's corners: N 35.812675, S 35.793317, W -106.636844, E -106.611233) plus 2/24°
        assertTrue(tmax.contains("var=tmax&north=35.8960&west=-106.7202&east=-106.5279&south=35.7100&disableProjSubset=on"), tmax);
        assertTrue(tmax.contains("time_start=2000-01-01T00:00:00Z&time_end=2000-12-31T23:59:59Z") && tmax.endsWith("accept=netcdf"), tmax);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("TerraClimate_ppt_2000.nc", "TerraClimate_tmax_2000.nc", "TerraClimate_tmin_2000.nc", "TerraClimate_vap_2000.nc"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // as published: packed shorts with their attributes, latitude descending, 12 months
        try (NetcdfFile file = NetcdfFile.open(out.resolve("TerraClimate_vap_2000.nc").toString())) {
            double[] lat = file.readAll("lat");
            assertTrue(lat[0] > lat[lat.length - 1], "latitude descending");
            assertEquals(12, file.shape("vap")[0]);
            assertEquals(0.001, ((double[]) file.attribute("vap", "scale_factor"))[0], 1e-12);
            assertEquals(-32768, ((double[]) file.attribute("vap", "_FillValue"))[0]);
            assertEquals("kPa", file.attribute("vap", "units"));
            double[] box = CellCoordinates.footprint(dem, CommonCRS.WGS84.normalizedGeographic());
            assertEquals(null, TerraClimateFetcher.problem(out.resolve("TerraClimate_vap_2000.nc").toString(), "vap", box));
            System.out.printf("fetch-terraclimate stand-in: %d x %d cells for the sample DEM%n", file.shape("vap")[2], file.shape("vap")[1]);
        }
        // what --climate then reads: every month of every variable at every DEM cell, vapour pressure in Pa
        // within the range of the file's unpacked kPa values (bilinear interpolation stays inside it)
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        try (NetcdfFile file = NetcdfFile.open(out.resolve("TerraClimate_vap_2000.nc").toString())) {
            double scale = ((double[]) file.attribute("vap", "scale_factor"))[0];
            double offset = file.attribute("vap", "add_offset") instanceof double[] o ? o[0] : 0;
            double fill = ((double[]) file.attribute("vap", "_FillValue"))[0];
            for (double packed : file.readAll("vap")) {
                if (packed != fill && Double.isFinite(packed)) {
                    lowest = Math.min(lowest, packed * scale + offset);
                    highest = Math.max(highest, packed * scale + offset);
                }
            }
        }
        CellClimate read = sample(out, dem);
        // the same data given directly: the stand-in's grid over a box 3 km wider on every side, sampled on the same DEM
        RasterGrid wider = dem.window(new org.eemt.geo.raster.PixelWindow(-300, -300, dem.columns() + 600, dem.rows() + 600));
        Path direct = tmp.resolve("tc-direct");
        assertEquals(4, fetcher.fetch(wider, List.of(2000), direct.toString(), progress()));
        CellClimate given = sample(direct, dem);
        for (int month = 0; month < 12; month++) {
            assertArrayEquals(given.tmaxCelsius()[month], read.tmaxCelsius()[month]);
            assertArrayEquals(given.tminCelsius()[month], read.tminCelsius()[month]);
            assertArrayEquals(given.precipitationMm()[month], read.precipitationMm()[month]);
            assertArrayEquals(given.vapourPressurePa()[month], read.vapourPressurePa()[month]);
        }
        for (int month = 0; month < 12; month++) {
            for (float[][] variable : List.of(read.tmaxCelsius(), read.tminCelsius(), read.precipitationMm(), read.vapourPressurePa())) {
                for (float v : variable[month]) {
                    assertTrue(Float.isFinite(v), "month " + (month + 1) + ": " + v);
                }
            }
            for (float pa : read.vapourPressurePa()[month]) {
                assertTrue(pa >= lowest * 1000 - 1e-3 && pa <= highest * 1000 + 1e-3, pa + " Pa outside " + lowest + ".." + highest + " kPa");
            }
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("HTTP 500, retrying"));

        service.requests.clear();
        assertEquals(0, fetcher.fetch(dem, List.of(2000), out.toString(), progress()));
        assertEquals(List.of(), service.requests, "a second run keeps every complete file");

        EemtException e = assertThrows(EemtException.class, () -> fetcher.fetch(dem, List.of(1957), tmp.resolve("x").toString(), progress()));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
    }

    private EemtException failure(EarthdataLogin login, int attempts) {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        return assertThrows(EemtException.class, () -> fetcher(login, attempts).fetch(dem, List.of(2000), tmp.resolve("out").toString(), progress()));
    }

    private static CellClimate sample(Path directory, RasterGrid dem) {
        double[] elevations;
        try (GeoTiffReader r = GeoTiffReader.open(Fixtures.sampleDem().toString())) {
            elevations = r.readDoubles(dem.extent());
        }
        float[] z = dem.extent().crop(elevations, dem.extent());
        ClimateWindow window = ClimateWindow.read(directory.toString(), null, dem, List.of(2000));
        return window.withBaseElevation(new DemMeanElevation(window).add(dem, z)).sample(dem, 2000);
    }

    private EarthdataLogin login(String token, String user) {
        return new EarthdataLogin(token, user, user == null ? null : ClimateStandIn.PASSWORD, URI.create(service.loginUrl()));
    }

    private DaymetFetcher fetcher(EarthdataLogin login, int attempts) {
        return new DaymetFetcher(service.granules(), "na", login, attempts, Duration.ofMillis(5));
    }

    private PrintStream progress() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }
}
