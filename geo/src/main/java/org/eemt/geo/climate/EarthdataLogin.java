package org.eemt.geo.climate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * NASA Earthdata Login (EDL) credentials for the Earthdata Cloud OPeNDAP service, in the two
 * forms NASA documents and other clients use:
 * <ul>
 *   <li>a user token ("Generate Token" in the profile at urs.earthdata.nasa.gov), sent as
 *       {@code Authorization: Bearer <token>} to the data host only (earthaccess'
 *       {@code strategy="environment"} reads {@code EARTHDATA_TOKEN} the same way);</li>
 *   <li>a {@code ~/.netrc} line {@code machine urs.earthdata.nasa.gov login USER password PASS}:
 *       a request without a token is redirected (302) to {@code /oauth/authorize} on the login
 *       host; the client repeats that request there with HTTP Basic credentials, is redirected
 *       back with a code that the data host turns into a session cookie, and follows on to the
 *       data, as {@code curl -n -L -c cookies -b cookies} does (ORNL DAAC's Daymet guidance,
 *       the Earthdata forum answer quoted in mikejohnson51/climateR-catalogs#16).</li>
 * </ul>
 * Neither secret ever appears in a message: {@link #toString()} says only which form is used.
 *
 * @param token       the bearer token, or {@code null}
 * @param user        the netrc login for the login host, or {@code null}
 * @param password    the netrc password, or {@code null}
 * @param loginOrigin scheme, host and port of the login service (urs.earthdata.nasa.gov); Basic
 *                    credentials go to this origin only
 */
public record EarthdataLogin(String token, String user, String password, URI loginOrigin) {
    /** NASA's Earthdata Login service. */
    public static final URI URS = URI.create("https://urs.earthdata.nasa.gov");
    /** The one-line fix for missing credentials. */
    public static final String HOW_TO = "set EARTHDATA_TOKEN or give --token-file FILE (urs.earthdata.nasa.gov, "
            + "Profile > Generate Token; the account is free), or put 'machine urs.earthdata.nasa.gov login USER "
            + "password PASS' in ~/.netrc";

    /**
     * The credentials found: {@code tokenFile} (when given) or the {@code EARTHDATA_TOKEN}
     * value, and the netrc entry for the login host in {@code netrc} (when the file exists).
     */
    public static EarthdataLogin find(String environmentToken, Path tokenFile, Path netrc, URI loginOrigin) throws IOException {
        String token = null;
        if (tokenFile != null) {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        } else if (environmentToken != null && !environmentToken.isBlank()) {
            token = environmentToken.trim();
        }
        String[] entry = netrc != null && Files.isRegularFile(netrc) ? netrcEntry(Files.readString(netrc, StandardCharsets.UTF_8),
                loginOrigin.getHost()) : null;
        return new EarthdataLogin(token == null || token.isEmpty() ? null : token, entry == null ? null : entry[0],
                entry == null ? null : entry[1], loginOrigin);
    }

    /** Whether a token or a netrc login is there at all. */
    public boolean present() {
        return token != null || user != null;
    }

    /** The Basic authorization header value for the login host, or {@code null}. */
    String basic() {
        return user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code uri} is on the login service (same scheme, host and port). */
    boolean isLogin(URI uri) {
        return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(loginOrigin.getScheme())
                && loginOrigin.getHost().equalsIgnoreCase(uri.getHost()) && port(uri) == port(loginOrigin);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** {login, password} of {@code machine} in netrc text (or of its {@code default} entry), or {@code null}. */
    static String[] netrcEntry(String text, String machine) {
        List<String> tokens = List.of(text.trim().split("\\s+"));
        String[] found = null;
        String[] fallback = null;
        String[] current = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("machine") && i + 1 < tokens.size()) {
                current = new String[2];
                if (tokens.get(++i).equalsIgnoreCase(machine) && found == null) {
                    found = current;
                }
            } else if (t.equals("default")) {
                current = new String[2];
                fallback = current;
            } else if ((t.equals("login") || t.equals("password")) && i + 1 < tokens.size() && current != null) {
                current[t.equals("login") ? 0 : 1] = tokens.get(++i);
            }
        }
        String[] chosen = found != null ? found : fallback;
        return chosen == null || chosen[0] == null ? null : chosen;
    }

    @Override
    public String toString() {
        return token != null ? "Earthdata token" : user != null ? "netrc login for " + loginOrigin.getHost() : "no Earthdata credentials";
    }
}
