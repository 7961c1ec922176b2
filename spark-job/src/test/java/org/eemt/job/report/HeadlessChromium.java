package org.eemt.job.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eemt.geo.testing.ExternalTool;

/**
 * Opens a local HTML page in headless Chromium (Debian's {@code chromium}) and reports what a
 * reader would meet: the images that did not load, console errors (console.error, uncaught
 * exceptions, failed resource loads) and a screenshot. Driven through the DevTools protocol over
 * the JDK's WebSocket client; every wait is bounded.
 */
final class HeadlessChromium {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    /** What the page showed: every image's src with whether it loaded, console errors, a PNG screenshot. */
    record PageCheck(Map<String, Boolean> images, List<String> consoleErrors, byte[] screenshot) {
        List<String> brokenImages() {
            return images.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
    }

    private HeadlessChromium() {
    }

    /**
     * Opens the page in a fresh browser. A browser that stops answering (a bounded wait runs out)
     * is started once more, and the step that ran out is printed; a second time fails the test.
     */
    static PageCheck open(Path html, Path scratch) throws Exception {
        ExternalTool.require("chromium");
        try {
            return openInFreshBrowser(html, scratch);
        } catch (StepTimeout e) {
            System.err.println("[HeadlessChromium] " + e.getMessage() + "; starting chromium once more");
            return openInFreshBrowser(html, scratch);
        }
    }

    private static PageCheck openInFreshBrowser(Path html, Path scratch) throws Exception {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path log = Files.createTempFile(scratch, "chromium", ".log");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,1100",
                "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        try {
            int port = devToolsPort(chromium, profile, log);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (DevTools page = DevTools.connect(http, pageSocket(http, port))) {
                page.call("Runtime.enable", null);
                page.call("Log.enable", null);
                page.call("Page.enable", null);
                page.call("Page.navigate", JSON.createObjectNode().put("url", html.toUri().toString()));
                awaitLoaded(page, html);
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

    /** The WebSocket of the browser's page target, asked for until the page exists. */
    private static String pageSocket(HttpClient http, int port) throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            String targets;
            try {
                targets = http.send(list, HttpResponse.BodyHandlers.ofString()).body();
            } catch (HttpTimeoutException e) {
                throw new StepTimeout("the DevTools target list");
            }
            for (JsonNode t : JSON.readTree(targets)) {
                if (t.path("type").asText().equals("page")) {
                    return t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StepTimeout("a page target in the DevTools target list (" + targets + ")");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until the report is the document and its readyState is "complete", which comes after
     * every image has loaded or failed. Asked for, not awaited as an event, so that nothing is missed.
     */
    private static void awaitLoaded(DevTools page, Path html) throws Exception {
        ObjectNode state = JSON.createObjectNode()
                .put("expression", "location.protocol + ' ' + document.readyState").put("returnByValue", true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            if (page.crashed()) {
                throw new IOException("chromium's renderer crashed while loading " + html);
            }
            try {
                if (page.call("Runtime.evaluate", state.deepCopy()).at("/result/value").asText().equals("file: complete")) {
                    return;
                }
            } catch (IOException e) {
                // the document is being replaced: its execution context is gone until the next one exists
            }
            if (System.nanoTime() > deadline) {
                throw new StepTimeout("loading " + html);
            }
            Thread.sleep(100);
        }
    }

    /** A bounded wait of the browser session ran out. */
    private static final class StepTimeout extends Exception {
        StepTimeout(String step) {
            super("chromium gave no answer within " + TIMEOUT_SECONDS + " s: " + step);
        }
    }

    private static <T> T await(CompletableFuture<T> answer, String step) throws Exception {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StepTimeout(step);
        }
    }

    /**
     * The port chromium chose, from the DevToolsActivePort file it writes in its profile (port on
     * the first line, browser path on the second). Read from the file rather than from stderr, where
     * chromium's processes interleave their lines.
     */
    private static int devToolsPort(Process chromium, Path profile, Path log) throws Exception {
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            if (Files.exists(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (lines.size() >= 2 && lines.get(0).matches("\\d+")) {
                    return Integer.parseInt(lines.get(0));
                }
            }
            if (!chromium.isAlive()) {
                throw new IOException("chromium ended with exit code " + chromium.exitValue() + " before it listened:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new StepTimeout("chromium's start (no " + activePort + ")\n" + tail(log));
            }
            Thread.sleep(50);
        }
    }

    /** The last lines of chromium's log, read byte for byte (a log need not be valid UTF-8). */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** A DevTools protocol session over one WebSocket: numbered calls, console errors, a renderer crash. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
        private final List<String> consoleErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private volatile boolean crashed;
        private int nextId = 1;

        static DevTools connect(HttpClient http, String url) throws Exception {
            DevTools d = new DevTools();
            d.socket = await(http.newWebSocketBuilder().buildAsync(URI.create(url), d), "the DevTools WebSocket");
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
            await(socket.sendText(JSON.writeValueAsString(message), true), "sending " + method);
            JsonNode reply = await(answer, method);
            if (reply.has("error")) {
                throw new IOException(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        }

        boolean crashed() {
            return crashed;
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
                case "Inspector.targetCrashed" -> crashed = true;
                case "Runtime.exceptionThrown" -> consoleErrors.add("exception: " + params.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (params.at("/entry/level").asText().equals("error")) {
                        consoleErrors.add(params.at("/entry/text").asText() + " " + params.at("/entry/url").asText());
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
