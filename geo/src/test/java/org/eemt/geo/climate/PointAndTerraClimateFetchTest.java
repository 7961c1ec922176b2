package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ClimateStandIn;
import org.eemt.geo.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** fetch-daymet --point (single-pixel API) and fetch-terraclimate (NetcdfSubset) against their stand-ins. */
class PointAndTerraClimateFetchTest {
    @RegisterExtension
    final ClimateStandIn service = new ClimateStandIn();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

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
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("HTTP 500, retrying"));

        service.requests.clear();
        assertEquals(0, fetcher.fetch(dem, List.of(2000), out.toString(), progress()));
        assertEquals(List.of(), service.requests, "a second run keeps every complete file");

        EemtException e = assertThrows(EemtException.class, () -> fetcher.fetch(dem, List.of(1957), tmp.resolve("x").toString(), progress()));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
    }

    private PrintStream progress() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }
}
