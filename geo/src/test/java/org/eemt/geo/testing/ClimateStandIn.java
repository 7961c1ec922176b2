package org.eemt.geo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Local stand-ins (127.0.0.1, ephemeral ports, the JDK's HTTP server) of the services the climate
 * fetchers use, answering the way the real ones do in everything the client depends on:
 * <ul>
 *   <li>NASA Earthdata Cloud OPeNDAP (Hyrax): {@code /collections/<id>/granules/Daymet_Monthly_V4R1.<file>.dap.nc4?dap4.ce=...}
 *       parses the DAP4 constraint ({@code /var[start:stride:stop]...;...}) and answers exactly
 *       the requested index ranges as a real netCDF-4 file made by {@code ncgen -k nc4} from CDL
 *       in Daymet's layout, on a virtual full North America grid (7814 x 8075 cells of 1 km);
 *       a Bearer token is checked (401 when wrong); without one, a 302 to the login stand-in's
 *       {@code /oauth/authorize}, which checks Basic credentials and redirects to {@code /login}
 *       with a code, which sets a session cookie and redirects back to the data;</li>
 *   <li>the Daymet single-pixel API ({@code /single-pixel/api/data}, CSV);</li>
 *   <li>TerraClimate's THREDDS NetcdfSubset ({@code /thredds/ncss/TERRACLIMATE_ALL/data/TerraClimate_<var>_<year>.nc}),
 *       answering the box as netCDF-3 (as {@code accept=netcdf} does) made by {@code ncgen} in TerraClimate's format (short values
 *       with scale_factor/add_offset/_FillValue, latitude descending, 12 months);</li>
 *   <li>ORNL's retired THREDDS ({@code /thredds/ncss/ornldaac/...}): a 302 to opendap.earthdata.nasa.gov.</li>
 * </ul>
 * Registered with {@code @RegisterExtension}: fresh servers and state for each test.
 * Faults are queued with {@link #fault}: each data request takes the next one (500, 429,
 * "truncate": a Content-Length larger than the body sent, "html": a 200 login page).
 */
public final class ClimateStandIn implements BeforeEachCallback, AfterEachCallback {
    public static final String TOKEN = "standin-secret-token-7f3a";
    public static final String USER = "eemtuser";
    public static final String PASSWORD = "standin-secret-password-19";
    public static final int NX = 7814;
    public static final int NY = 8075;
    private static final String COOKIE = "urs_session=standin-session-42";

    private HttpServer data;
    private HttpServer urs;
    private Path work;
    private final Queue<String> faults = new ConcurrentLinkedQueue<>();
    /** Every data request as "path?query", decoded. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Every Authorization header the data host received (to check where credentials go). */
    public final List<String> dataAuthorizations = new CopyOnWriteArrayList<>();

    /** Starts both servers before each test ({@code @RegisterExtension}); they stop after it. */
    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        work = Files.createTempDirectory("climate-standin");
        faults.clear();
        requests.clear();
        dataAuthorizations.clear();
        data = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        urs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        data.createContext("/", this::serveData);
        urs.createContext("/oauth/authorize", this::serveLogin);
        data.start();
        urs.start();
    }

    public String url() {
        return "http://127.0.0.1:" + data.getAddress().getPort();
    }

    public String loginUrl() {
        return "http://127.0.0.1:" + urs.getAddress().getPort();
    }

    /** The granules URL of the monthly collection, as {@code --base-url}. */
    public String granules() {
        return url() + "/collections/C2532007210-ORNL_CLOUD/granules";
    }

    /** The next data request answers with {@code kind}: "500", "429", "truncate" or "html". */
    public void fault(String... kinds) {
        faults.addAll(List.of(kinds));
    }

    /** A ~/.netrc holding the stand-in login's credentials. */
    public Path netrc() throws IOException {
        Path file = work.resolve("netrc");
        Files.writeString(file, "machine example.org login other password x\nmachine 127.0.0.1\n  login " + USER + "\n  password " + PASSWORD + "\n");
        return file;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        data.stop(0);
        urs.stop(0);
        try (java.util.stream.Stream<Path> files = Files.walk(work)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    // ---- values of the virtual data sets: the same numbers for a subset and for a "direct" file ----

    /** Daymet monthly value of {@code variable} at column i, row j, month m (0-11) of {@code year}. */
    public static float daymetValue(String variable, int year, int m, int i, int j) {
        double base = switch (variable) {
            case "tmax" -> 8 + 10 * Math.sin(Math.PI * (m - 3) / 6.0);
            case "tmin" -> -4 + 9 * Math.sin(Math.PI * (m - 3) / 6.0);
            case "prcp" -> 20 + 3 * m;
            default -> 500 + 40 * m;
        };
        return (float) (base + 0.013 * (i % 97) - 0.021 * (j % 89) + 0.5 * (year - 2000));
    }

    public static double daymetX(int i) {
        return -4560250.0 + 1000.0 * i;
    }

    public static double daymetY(int j) {
        return 4984000.0 - 1000.0 * j;
    }

    /**
     * A Daymet monthly netCDF-4 file of {@code variable} in {@code year} over columns i0..i1, rows
     * j0..j1, made with ncgen (the "same data given directly" of the tests).
     */
    public Path daymetFile(Path target, String variable, int year, int i0, int i1, int j0, int j1) throws IOException, InterruptedException {
        ExternalTool.require("ncgen");
        String cdl = daymetCdl(variable, year, new int[] {0, 11}, new int[] {j0, j1}, new int[] {i0, i1}, true, true);
        return ncgen("nc4", cdl, target);
    }

    private static String daymetCdl(String variable, int year, int[] t, int[] y, int[] x, boolean withVariable, boolean withTime) {
        StringBuilder cdl = new StringBuilder("netcdf subset {\ndimensions:\n");
        if (withTime) {
            cdl.append("  time = ").append(t[1] - t[0] + 1).append(" ;\n");
        }
        cdl.append("  y = ").append(y[1] - y[0] + 1).append(" ;\n  x = ").append(x[1] - x[0] + 1).append(" ;\nvariables:\n");
        cdl.append("  float x(x) ;\n    x:units = \"m\" ;\n    x:standard_name = \"projection_x_coordinate\" ;\n");
        cdl.append("  float y(y) ;\n    y:units = \"m\" ;\n    y:standard_name = \"projection_y_coordinate\" ;\n");
        if (withTime) {
            cdl.append("  double time(time) ;\n    time:units = \"days since 1950-01-01 00:00:00\" ;\n    time:calendar = \"standard\" ;\n");
        }
        cdl.append("  short lambert_conformal_conic ;\n    lambert_conformal_conic:grid_mapping_name = \"lambert_conformal_conic\" ;\n")
                .append("    lambert_conformal_conic:longitude_of_central_meridian = -100. ;\n")
                .append("    lambert_conformal_conic:latitude_of_projection_origin = 42.5 ;\n")
                .append("    lambert_conformal_conic:false_easting = 0. ;\n    lambert_conformal_conic:false_northing = 0. ;\n")
                .append("    lambert_conformal_conic:standard_parallel = 25., 60. ;\n")
                .append("    lambert_conformal_conic:semi_major_axis = 6378137. ;\n")
                .append("    lambert_conformal_conic:inverse_flattening = 298.257223563 ;\n");
        if (withVariable) {
            String units = switch (variable) {
                case "prcp" -> "mm";
                case "vp" -> "Pa";
                default -> "degrees C";
            };
            cdl.append("  float ").append(variable).append("(time, y, x) ;\n    ").append(variable).append(":_FillValue = -9999.f ;\n    ")
                    .append(variable).append(":units = \"").append(units).append("\" ;\n    ")
                    .append(variable).append(":grid_mapping = \"lambert_conformal_conic\" ;\n    ")
                    .append(variable).append(":coordinates = \"lat lon\" ;\n");
        }
        cdl.append("data:\n  x = ");
        for (int i = x[0]; i <= x[1]; i++) {
            cdl.append(i > x[0] ? ", " : "").append(daymetX(i));
        }
        cdl.append(" ;\n  y = ");
        for (int j = y[0]; j <= y[1]; j++) {
            cdl.append(j > y[0] ? ", " : "").append(daymetY(j));
        }
        cdl.append(" ;\n");
        if (withTime) {
            cdl.append("  time = ");
            for (int m = t[0]; m <= t[1]; m++) {
                cdl.append(m > t[0] ? ", " : "").append(LocalDate.of(year, m + 1, 15).toEpochDay() - LocalDate.of(1950, 1, 1).toEpochDay());
            }
            cdl.append(" ;\n");
        }
        if (withVariable) {
            cdl.append("  ").append(variable).append(" = ");
            boolean first = true;
            for (int m = t[0]; m <= t[1]; m++) {
                for (int j = y[0]; j <= y[1]; j++) {
                    for (int i = x[0]; i <= x[1]; i++) {
                        cdl.append(first ? "" : ", ").append(daymetValue(variable, year, m, i, j));
                        first = false;
                    }
                }
            }
            cdl.append(" ;\n");
        }
        return cdl.append("}\n").toString();
    }

    /** TerraClimate packed value (raw short) of {@code variable} at column i, row j, month m. */
    public static short terraRaw(String variable, int year, int m, int i, int j) {
        return (short) (switch (variable) {
            case "tmax" -> 1200 + 80 * m;
            case "tmin" -> 200 + 70 * m;
            case "ppt" -> 300 + 11 * m;
            default -> 900 + 13 * m;
        } + (i % 50) - (j % 40) + (year - 2000));
    }

    /** The single-pixel CSV of a point and years, in the service's V4 layout. */
    public static String singlePixelCsv(double lat, double lon, int firstYear, int lastYear) {
        StringBuilder csv = new StringBuilder(String.format(Locale.ROOT, "Latitude: %.4f  Longitude: %.4f%n", lat, lon))
                .append("X & Y on Lambert Conformal Conic: -575071.20 -688303.84\nTile: 11014\nElevation: 2512 meters\n")
                .append("All years; all variables; Daymet Software Version 4.0; Daymet Data Version 4.0.\n")
                .append("How to cite: stand-in record for tests, not Daymet data\n\n")
                .append("year,yday,prcp (mm/day),tmax (deg c),tmin (deg c),vp (Pa)\n");
        for (int y = firstYear; y <= lastYear; y++) {
            for (int d = 1; d <= 365; d++) {
                double season = Math.sin(2 * Math.PI * (d - 100) / 365.0);
                csv.append(String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.2f,%.2f%n", y, d, (d % 7 == 0 ? 4.5 : 0.0) + (y - 2000),
                        12 + 12 * season, -2 + 9 * season, 600 + 300 * season));
            }
        }
        return csv.toString();
    }

    // ---- HTTP ----

    private void serveLogin(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Please enter your Earthdata Login credentials\"");
            send(ex, 401, "text/html", "<html><body>Earthdata Login: wrong or missing credentials</body></html>");
            return;
        }
        redirect(ex, q.get("redirect_uri") + "?code=standin-code&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    }

    private void serveData(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String path = uri.getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            dataAuthorizations.add(auth);
        }
        if (path.equals("/login")) {
            Map<String, String> q = query(uri);
            if (!"standin-code".equals(q.get("code"))) {
                send(ex, 400, "text/plain", "bad code");
                return;
            }
            ex.getResponseHeaders().add("Set-Cookie", COOKIE + "; Path=/; HttpOnly");
            redirect(ex, q.get("state"));
            return;
        }
        if (path.startsWith("/thredds/ncss/ornldaac/")) {
            redirect(ex, "https://opendap.earthdata.nasa.gov/collections/C2532007210-ORNL_CLOUD/granules/Daymet_Monthly_V4R1."
                    + path.substring(path.lastIndexOf('/') + 1) + ".dap.nc4");
            return;
        }
        requests.add(path + (uri.getRawQuery() == null ? "" : "?" + URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8)));
        try {
            if (path.startsWith("/collections/")) {
                if (!authorised(ex, auth)) {
                    return;
                }
                if (!fault(ex)) {
                    serveGranule(ex, path, query(uri).get("dap4.ce"));
                }
            } else if (path.equals("/single-pixel/api/data")) {
                if (!fault(ex)) {
                    Map<String, String> q = query(uri);
                    int first = Integer.parseInt(q.get("start").substring(0, 4));
                    int last = Integer.parseInt(q.get("end").substring(0, 4));
                    send(ex, 200, "text/csv", singlePixelCsv(Double.parseDouble(q.get("lat")), Double.parseDouble(q.get("lon")), first, last));
                }
            } else if (path.startsWith("/thredds/ncss/TERRACLIMATE_ALL/data/")) {
                if (!fault(ex)) {
                    serveTerraClimate(ex, path.substring(path.lastIndexOf('/') + 1), query(uri));
                }
            } else {
                send(ex, 404, "text/plain", "not found");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ex, 500, "text/plain", "interrupted");
        } catch (RuntimeException e) {
            send(ex, 400, "text/plain", "bad request: " + e);
        }
    }

    /** Token, session cookie, or the redirect to the login. */
    private boolean authorised(HttpExchange ex, String auth) throws IOException {
        if (auth != null && auth.startsWith("Bearer ")) {
            if (auth.equals("Bearer " + TOKEN)) {
                return true;
            }
            send(ex, 401, "text/plain", "HTTP Status 401: invalid token");
            return false;
        }
        String cookies = String.join(";", ex.getRequestHeaders().getOrDefault("Cookie", List.of()));
        if (cookies.contains(COOKIE)) {
            return true;
        }
        String original = url() + ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        redirect(ex, loginUrl() + "/oauth/authorize?client_id=standin&response_type=code&redirect_uri="
                + URLEncoder.encode(url() + "/login", StandardCharsets.UTF_8) + "&state=" + URLEncoder.encode(original, StandardCharsets.UTF_8));
        return false;
    }

    private boolean fault(HttpExchange ex) throws IOException {
        String kind = faults.poll();
        if (kind == null) {
            return false;
        }
        switch (kind) {
            case "truncate" -> {
                ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, 100_000);
                ex.getResponseBody().write(new byte[1000]);
                ex.getResponseBody().flush();
                ex.close();
            }
            case "html" -> send(ex, 200, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>Earthdata Login</title></head><body>Log in</body></html>");
            default -> send(ex, Integer.parseInt(kind), "text/plain", "stand-in fault " + kind);
        }
        return true;
    }

    private static final Pattern GRANULE = Pattern.compile("Daymet_Monthly_V4R1\\.daymet_v4_(\\w+?)_mon(?:avg|ttl)_na_(\\d{4})\\.nc\\.dap\\.nc4");
    private static final Pattern SLICE = Pattern.compile("\\[(\\d+):(\\d+):(\\d+)]");

    private void serveGranule(HttpExchange ex, String path, String ce) throws IOException, InterruptedException {
        Matcher g = GRANULE.matcher(path.substring(path.lastIndexOf('/') + 1));
        if (!g.matches() || ce == null) {
            send(ex, 404, "text/plain", "no such granule or no dap4.ce");
            return;
        }
        String variable = g.group(1);
        int year = Integer.parseInt(g.group(2));
        Map<String, List<int[]>> wanted = new HashMap<>();
        for (String item : ce.split(";")) {
            String name = item.replaceAll("\\[.*", "").substring(1);
            List<int[]> slices = new ArrayList<>();
            Matcher s = SLICE.matcher(item);
            while (s.find()) {
                if (!s.group(2).equals("1")) {
                    throw new IllegalArgumentException("stride");
                }
                slices.add(new int[] {Integer.parseInt(s.group(1)), Integer.parseInt(s.group(3))});
            }
            wanted.put(name, slices);
        }
        int[] x = range(wanted.get("x"), NX);
        int[] y = range(wanted.get("y"), NY);
        boolean withVariable = wanted.containsKey(variable);
        int[] t = {0, 11};
        if (withVariable) {
            List<int[]> s = wanted.get(variable);
            if (s.size() != 3 || s.get(0)[1] > 11 || s.get(1)[0] != y[0] || s.get(1)[1] != y[1] || s.get(2)[0] != x[0] || s.get(2)[1] != x[1]) {
                send(ex, 400, "text/plain", "constraint not supported by this stand-in: " + ce);
                return;
            }
            t = s.get(0);
        }
        if (x[1] >= NX || y[1] >= NY) {
            send(ex, 400, "text/plain", "index out of range");
            return;
        }
        Path file = ncgen("nc4", daymetCdl(variable, year, t, y, x, withVariable, wanted.containsKey("time")),
                Files.createTempFile(work, "granule", ".nc"));
        send(ex, 200, "application/x-netcdf;ver=4", Files.readAllBytes(file));
        Files.delete(file);
    }

    private static int[] range(List<int[]> slices, int size) {
        return slices == null || slices.isEmpty() ? new int[] {0, size - 1} : slices.get(0);
    }

    private void serveTerraClimate(HttpExchange ex, String file, Map<String, String> q) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("TerraClimate_(\\w+)_(\\d{4})\\.nc").matcher(file);
        if (!m.matches() || !q.containsKey("north") || Integer.parseInt(m.group(2)) < 1958) {
            send(ex, 404, "text/plain", "not found");
            return;
        }
        String variable = m.group(1);
        int year = Integer.parseInt(m.group(2));
        double north = Double.parseDouble(q.get("north"));
        double south = Double.parseDouble(q.get("south"));
        double west = Double.parseDouble(q.get("west"));
        double east = Double.parseDouble(q.get("east"));
        // cells of the global 1/24° grid whose centres lie in the box, as NetcdfSubset answers
        int j0 = (int) Math.ceil((90 - north) * 24 - 0.5);
        int j1 = (int) Math.floor((90 - south) * 24 - 0.5);
        int i0 = (int) Math.ceil((west + 180) * 24 - 0.5);
        int i1 = (int) Math.floor((east + 180) * 24 - 0.5);
        String[] meta = switch (variable) {
            case "tmax" -> new String[] {"0.01", "degC", "air_temperature"};
            case "tmin" -> new String[] {"0.01", "degC", "air_temperature"};
            case "ppt" -> new String[] {"0.1", "mm", "precipitation_amount"};
            default -> new String[] {"0.001", "kPa", "water_vapor_partial_pressure_in_air"};
        };
        StringBuilder cdl = new StringBuilder("netcdf TerraClimate {\ndimensions:\n  time = 12 ;\n  lat = ").append(j1 - j0 + 1)
                .append(" ;\n  lon = ").append(i1 - i0 + 1).append(" ;\nvariables:\n")
                .append("  double lat(lat) ;\n    lat:units = \"degrees_north\" ;\n    lat:standard_name = \"latitude\" ;\n")
                .append("  double lon(lon) ;\n    lon:units = \"degrees_east\" ;\n    lon:standard_name = \"longitude\" ;\n")
                .append("  double time(time) ;\n    time:units = \"days since 1900-01-01 00:00:00\" ;\n    time:calendar = \"gregorian\" ;\n")
                .append("  short crs ;\n    crs:grid_mapping_name = \"latitude_longitude\" ;\n")
                .append("  short ").append(variable).append("(time, lat, lon) ;\n")
                .append("    ").append(variable).append(":units = \"").append(meta[1]).append("\" ;\n")
                .append("    ").append(variable).append(":standard_name = \"").append(meta[2]).append("\" ;\n")
                .append("    ").append(variable).append(":scale_factor = ").append(meta[0]).append(" ;\n")
                .append("    ").append(variable).append(":add_offset = 0. ;\n")
                .append("    ").append(variable).append(":_FillValue = -32768s ;\n")
                .append("    ").append(variable).append(":grid_mapping = \"crs\" ;\n")
                .append("// global attributes:\n  :title = \"TerraClimate stand-in for tests, not TerraClimate data\" ;\n")
                .append("data:\n  lat = ");
        for (int j = j0; j <= j1; j++) {
            cdl.append(j > j0 ? ", " : "").append(90 - (j + 0.5) / 24);
        }
        cdl.append(" ;\n  lon = ");
        for (int i = i0; i <= i1; i++) {
            cdl.append(i > i0 ? ", " : "").append(-180 + (i + 0.5) / 24);
        }
        cdl.append(" ;\n  time = ");
        for (int mo = 0; mo < 12; mo++) {
            cdl.append(mo > 0 ? ", " : "").append(LocalDate.of(year, mo + 1, 1).toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay());
        }
        cdl.append(" ;\n  ").append(variable).append(" = ");
        boolean first = true;
        for (int mo = 0; mo < 12; mo++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    cdl.append(first ? "" : ", ").append(terraRaw(variable, year, mo, i, j));
                    first = false;
                }
            }
        }
        cdl.append(" ;\n}\n");
        // NetcdfSubset's accept=netcdf answers netCDF-3 (classic)
        Path nc = ncgen("classic", cdl.toString(), Files.createTempFile(work, "terraclimate", ".nc"));
        send(ex, 200, "application/x-netcdf", Files.readAllBytes(nc));
        Files.delete(nc);
    }

    /** A netCDF file of {@code kind} (nc4, classic) from CDL with ncgen (CI installs netcdf-bin). */
    private static Path ncgen(String kind, String cdl, Path target) throws IOException, InterruptedException {
        Path source = Files.createTempFile(target.getParent(), "cdl", ".cdl");
        Files.writeString(source, cdl);
        Files.deleteIfExists(target);
        ExternalTool.run(target.getParent(), List.of("ncgen", "-k", kind, "-o", target.toString(), source.toString()));
        Files.delete(source);
        return target;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
