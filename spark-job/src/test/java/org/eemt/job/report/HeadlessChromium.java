package org.eemt.job.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eemt.geo.testing.ExternalTool;

/**
 * Opens a local HTML page in headless Chromium (Debian's {@code chromium}) and reports what a
 * reader would meet: the images that did not load, console errors (console.error, uncaught
 * exceptions, failed resource loads) and a screenshot. Driven through the DevTools protocol over
 * the JDK's WebSocket client; every wait is bounded.
 */
final class HeadlessChromium {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final long TIMEOUT_SECONDS = 60;

    /** What the page showed: every image's src with whether it loaded, console errors, a PNG screenshot. */
    record PageCheck(Map<String, Boolean> images, List<String> consoleErrors, byte[] screenshot) {
        List<String> brokenImages() {
            return images.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
    }

    private HeadlessChromium() {
    }

    static PageCheck open(Path html, Path scratch) throws Exception {
        ExternalTool.require("chromium");
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,1100", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort(chromium);
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String pageSocket = null;
            for (JsonNode t : JSON.readTree(targets)) {
                if (t.path("type").asText().equals("page")) {
                    pageSocket = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                throw new IOException("chromium has no page target: " + targets);
            }
            try (DevTools page = DevTools.connect(http, pageSocket)) {
                page.call("Runtime.enable", null);
                page.call("Log.enable", null);
                page.call("Page.enable", null);
                CompletableFuture<JsonNode> loaded = page.nextEvent("Page.loadEventFired");
                page.call("Page.navigate", JSON.createObjectNode().put("url", html.toUri().toString()));
                loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                JsonNode images = JSON.readTree(page.call("Runtime.evaluate", JSON.createObjectNode()
                        .put("expression", "JSON.stringify(Array.from(document.images).map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0]))")
                        .put("returnByValue", true)).at("/result/value").asText());
                Map<String, Boolean> loadedImages = new java.util.LinkedHashMap<>();
                for (JsonNode i : images) {
                    loadedImages.put(i.get(0).asText(), i.get(1).asBoolean());
                }
                byte[] screenshot = Base64.getDecoder().decode(page.call("Page.captureScreenshot",
                        JSON.createObjectNode().put("format", "png")).path("data").asText());
                return new PageCheck(loadedImages, page.consoleErrors(), screenshot);
            }
        } finally {
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        }
    }

    private static int devToolsPort(Process chromium) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                Integer found = null;
                while ((line = err.readLine()) != null) {
                    Matcher m = DEVTOOLS.matcher(line);
                    if (found == null && m.find()) {
                        found = Integer.parseInt(m.group(1));
                        final int p = found;
                        // keep draining stderr in the background so that chromium never blocks on it
                        Thread drain = new Thread(() -> drain(err));
                        drain.setDaemon(true);
                        drain.start();
                        return p;
                    }
                }
                throw new IllegalStateException("chromium ended without a DevTools endpoint");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return port.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void drain(BufferedReader err) {
        try {
            while (err.readLine() != null) {
                // discarded: chromium's own diagnostics (D-Bus and the like), not the page's console
            }
        } catch (IOException e) {
            // chromium ended
        }
    }

    /** A DevTools protocol session over one WebSocket: numbered calls, awaited events, console errors. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
        private final List<String> consoleErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private int nextId = 1;

        static DevTools connect(HttpClient http, String url) throws Exception {
            DevTools d = new DevTools();
            d.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), d).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return d;
        }

        synchronized JsonNode call(String method, ObjectNode params) throws Exception {
            int id = nextId++;
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            calls.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            if (params != null) {
                message.set("params", params);
            }
            socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            JsonNode reply = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        }

        CompletableFuture<JsonNode> nextEvent(String method) {
            return awaited.computeIfAbsent(method, m -> new CompletableFuture<>());
        }

        List<String> consoleErrors() {
            synchronized (consoleErrors) {
                return List.copyOf(consoleErrors);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    dispatch(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    consoleErrors.add("unreadable DevTools message: " + e.getMessage());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(JsonNode message) {
            if (message.has("id")) {
                CompletableFuture<JsonNode> call = calls.remove(message.get("id").asInt());
                if (call != null) {
                    call.complete(message);
                }
                return;
            }
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        consoleErrors.add("console." + type + ": " + params.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> consoleErrors.add("exception: " + params.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (params.at("/entry/level").asText().equals("error")) {
                        consoleErrors.add(params.at("/entry/text").asText() + " " + params.at("/entry/url").asText());
                    }
                }
                default -> {
                }
            }
            CompletableFuture<JsonNode> waiting = awaited.remove(method);
            if (waiting != null) {
                waiting.complete(params);
            }
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
