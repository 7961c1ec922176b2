package org.eemt.geo.climate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch-daymet against a NetcdfSubset stand-in on 127.0.0.1 (the JDK's HTTP server) that serves
 * the gridded fixture: the requests, a retry after HTTP 503, resume, errors, and that the
 * directory it fills works as {@code --climate}.
 */
class DaymetFetcherTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** File name -> how many more times to answer it with HTTP 503 before serving it. */
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

    @TempDir
    Path out;

    @BeforeEach
    void serveFixture() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ncss/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/ncss/".length());
            requests.add(name + "?" + exchange.getRequestURI().getQuery());
            Path file = Fixtures.monthly("").resolve(name);
            int fail = failuresLeft.getOrDefault(name, 0);
            byte[] body;
            int status;
            if (fail > 0) {
                failuresLeft.put(name, fail - 1);
                status = 503;
                body = "busy".getBytes(StandardCharsets.UTF_8);
            } else if (Files.isRegularFile(file)) {
                status = 200;
                body = Files.readAllBytes(file);
            } else {
                status = 404;
                body = "not found".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesEveryVariableAndYearForTheDemsBoxRetriesAndResumes() throws Exception {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        failuresLeft.put("daymet_v4_prcp_monttl_na_2001.nc", 2);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int fetched = fetcher(3).fetch(dem, List.of(2000, 2001), out.toString(), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(8, fetched);
        assertEquals(10, requests.size(), "8 files, one of them after two HTTP 503 answers");
        for (String name : new String[] {"tmax_monavg", "tmin_monavg", "prcp_monttl", "vp_monavg"}) {
            for (int year : new int[] {2000, 2001}) {
                String file = "daymet_v4_" + name + "_na_" + year + ".nc";
                assertArrayEquals(Files.readAllBytes(Fixtures.monthly(file)), Files.readAllBytes(out.resolve(file)), file);
            }
        }
        // gdalinfo's corners of the DEM: UL 106°38'12.64"W 35°48'44.40"N, LL 106°38'11.23"W 35°47'35.94"N,
        // UR 106°36'41.82"W 35°48'45.63"N, LR 106°36'40.44"W 35°47'37.17"N: north 35.812675, south 35.793317,
        // west -106.636844, east -106.611233; plus 0.03°: 35.8427, 35.7633, -106.6668, -106.5812
        String tmax = requests.stream().filter(r -> r.startsWith("daymet_v4_tmax_monavg_na_2000.nc?")).findFirst().orElseThrow();
        assertTrue(tmax.contains("var=tmax&north=35.8427&west=-106.6668&east=-106.5812&south=35.7633"), tmax);
        assertTrue(tmax.contains("time_start=2000-01-01T00:00:00Z&time_end=2000-12-31T23:59:59Z") && tmax.endsWith("accept=netcdf"), tmax);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("fetch-daymet: 8/8 daymet_v4_vp_monavg_na_2001.nc"), text);
        assertTrue(text.contains("HTTP 503, retrying"), text);

        requests.clear();
        assertEquals(0, fetcher(3).fetch(dem, List.of(2000, 2001), out.toString(), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(List.of(), requests, "a second run keeps every complete file");

        Files.write(out.resolve("daymet_v4_vp_monavg_na_2001.nc"), new byte[] {'C', 'D', 'F', 1});
        assertEquals(1, fetcher(3).fetch(dem, List.of(2000, 2001), out.toString(), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(1, requests.size(), "a broken file is fetched again");

        ClimateWindow climate = ClimateWindow.read(out.toString(), null, dem, List.of(2000, 2001));
        assertTrue(climate.needsBaseElevation());
    }

    @Test
    void aYearTheServiceDoesNotHaveIsAnInputError() {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        EemtException e = assertThrows(EemtException.class,
                () -> fetcher(3).fetch(dem, List.of(1979), out.toString(), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(EemtException.INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
        assertEquals(1, requests.size(), "no retry for a 404");
    }

    @Test
    void retriesExhaustedIsAnEnvironmentError() {
        RasterGrid dem = GeoTiffReader.readGrid(Fixtures.sampleDem().toString());
        failuresLeft.put("daymet_v4_tmax_monavg_na_2000.nc", 5);
        EemtException e = assertThrows(EemtException.class,
                () -> fetcher(2).fetch(dem, List.of(2000), out.toString(), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(EemtException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("failed 2 times (HTTP 503)"), e.getMessage());
        assertTrue(!Files.exists(out.resolve("daymet_v4_tmax_monavg_na_2000.nc")));
    }

    private DaymetFetcher fetcher(int attempts) {
        return new DaymetFetcher("http://127.0.0.1:" + server.getAddress().getPort() + "/ncss", "na", attempts, Duration.ofMillis(10));
    }
}
