package org.eemt.geo.climate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;

/**
 * The HTTP side of the climate fetchers: GET with bounded retries, the Earthdata Login flow, and
 * files that appear complete or not at all.
 *
 * <ul>
 *   <li>Retried with a doubling pause: connection errors, bodies shorter than their
 *       Content-Length, HTTP 429 and 5xx. Exhausted retries: exit 3.</li>
 *   <li>Redirects are followed by hand (at most 10): a Bearer token goes only to the host first
 *       asked, Basic credentials only to the login host ({@link EarthdataLogin}); the session
 *       cookie the data host sets after the login is kept for the following requests.</li>
 *   <li>One line, exit 3: a redirect to the login host without netrc credentials ("Earthdata
 *       Login needed"), or with a token (the token was refused); HTTP 401/403; an HTML page
 *       where data was expected (a login or error page); with Earthdata credentials, a
 *       {@code /thredds/} URL redirected to another host (ORNL retired its THREDDS server in 2025 and redirects every request to
 *       opendap.earthdata.nasa.gov: hyriver/pydaymet#72, ropensci/FedData#137).</li>
 *   <li>Other HTTP errors (400, 404): exit 2, the request itself is wrong (a year the source
 *       does not have).</li>
 * </ul>
 * Messages name the URL asked, never a credential: tokens travel in headers only.
 */
final class HttpDownloader {
    private static final int MAX_REDIRECTS = 10;

    private final String command;
    private final EarthdataLogin login;
    private final int attempts;
    private final Duration firstPause;
    private final HttpClient http;

    /**
     * @param command    the command named in messages (fetch-daymet, fetch-terraclimate)
     * @param login      Earthdata credentials, or {@code null} for a public service
     * @param attempts   tries per request (at least 1)
     * @param firstPause pause after the first failure, doubled after each further one
     */
    HttpDownloader(String command, EarthdataLogin login, int attempts, Duration firstPause) {
        this.command = command;
        this.login = login;
        this.attempts = Math.max(1, attempts);
        this.firstPause = firstPause;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    /**
     * Downloads {@code url} into {@code target}: written to a hidden part file, checked by
     * {@code check} (which throws for a bad file), renamed into place; the part file never stays.
     * Returns the bytes written.
     */
    long save(String url, String target, String what, Consumer<String> check, PrintStream progress) {
        byte[] content = get(url, what, progress);
        String name = target.substring(target.lastIndexOf('/') + 1);
        String part = target.substring(0, target.length() - name.length()) + "." + name + ".part";
        try {
            Storage.writeAtomically(part, content);
            try {
                check.accept(part);
            } catch (RuntimeException e) {
                Storage.delete(part);
                throw e;
            }
            Storage.move(part, target);
        } catch (IOException e) {
            throw EemtException.environment(target, "cannot be written (" + e.getMessage() + ")", "choose a writable --out directory", e);
        }
        return content.length;
    }

    /** The body of {@code url} (HTTP 200, not an HTML page), after retries and redirects. */
    byte[] get(String url, String what, PrintStream progress) {
        Duration pause = firstPause;
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<byte[]> response = follow(url);
                int status = response.statusCode();
                if (status == 200) {
                    return dataOf(url, what, response);
                }
                last = "HTTP " + status;
                if (status == 401 || status == 403) {
                    throw EemtException.environment(url, "refused access to " + what + " (HTTP " + status + ")", login == null
                            ? "check --base-url" : "the Earthdata credentials were not accepted: " + EarthdataLogin.HOW_TO
                            + " (tokens expire: generate a new one)");
                }
                if (status != 429 && status < 500) {
                    throw EemtException.input(url, "answered HTTP " + status + " for " + what,
                            "check --years (the source's first and last years) and --base-url");
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                throw interrupted(url);
            }
            if (attempt < attempts) {
                progress.println(command + ": " + what + ": " + last + ", retrying in " + pause.toMillis() + " ms (attempt "
                        + (attempt + 1) + " of " + attempts + ")");
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    throw interrupted(url);
                }
                pause = pause.multipliedBy(2);
            }
        }
        throw EemtException.environment(url, "failed " + attempts + " times (" + last + ")",
                "check the network and the service, then run " + command + " again: files already fetched are kept");
    }

    /** Follows redirects from {@code url}, adding each credential only where it belongs. */
    private HttpResponse<byte[]> follow(String url) throws IOException, InterruptedException {
        URI first = URI.create(url);
        URI uri = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
            if (login != null && login.token() != null && sameOrigin(uri, first)) {
                request.header("Authorization", "Bearer " + login.token());
            } else if (login != null && login.isLogin(uri) && login.basic() != null) {
                request.header("Authorization", login.basic());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status < 300 || status >= 400 || location.isEmpty()) {
                return response;
            }
            URI next = uri.resolve(location.get().trim());
            if (login != null && login.isLogin(next) && login.user() == null) {
                throw EemtException.environment(url, login.token() != null
                                ? "sent the Earthdata token to the login page: the token was not accepted (expired or revoked?)"
                                : "redirected to the Earthdata Login page: Earthdata Login needed",
                        login.token() != null ? "generate a new token (urs.earthdata.nasa.gov, Profile > Generate Token) or "
                                + EarthdataLogin.HOW_TO : EarthdataLogin.HOW_TO);
            }
            if (login == null && isLoginHost(next)) {
                throw EemtException.environment(url, "redirected to the Earthdata Login page: this source needs Earthdata Login",
                        "use fetch-daymet, which logs in, or check --base-url");
            }
            if (login != null && first.getPath() != null && first.getPath().contains("/thredds/")
                    && !next.getHost().equalsIgnoreCase(first.getHost()) && !login.isLogin(next)) {
                throw EemtException.environment(url, "is a retired endpoint: the THREDDS server redirects to " + next.getHost()
                                + " (ORNL retired its THREDDS server in 2025; Daymet is now on NASA Earthdata Cloud)",
                        "drop --base-url to use the Earthdata Cloud OPeNDAP service, or give a mirror that serves the data itself");
            }
            uri = next;
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
    }

    private byte[] dataOf(String url, String what, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
        if (type.contains("text/html") || head.startsWith("<!doctype html") || head.startsWith("<html")) {
            throw EemtException.environment(url, "answered an HTML page instead of " + what + " (a login, approval or error page)",
                    login == null ? "check --base-url and the service's status page"
                            : "open the URL once in a browser logged in to Earthdata (to accept what it asks), check --base-url; "
                            + EarthdataLogin.HOW_TO);
        }
        return body;
    }

    private static boolean isLoginHost(URI uri) {
        return EarthdataLogin.URS.getHost().equalsIgnoreCase(uri.getHost());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()));
    }

    private EemtException interrupted(String url) {
        Thread.currentThread().interrupt();
        return EemtException.environment(url, "download interrupted", "run " + command + " again: it resumes");
    }
}
