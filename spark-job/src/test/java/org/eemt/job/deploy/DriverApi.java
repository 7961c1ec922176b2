package org.eemt.job.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A running driver's REST API (its UI port, {@code /api/v1}). */
final class DriverApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final URI ui;

    DriverApi(int uiPort) {
        this.ui = URI.create("http://127.0.0.1:" + uiPort);
    }

    /** The application's id once the driver's UI answers. */
    Optional<String> applicationId() throws InterruptedException {
        return get("/api/v1/applications").map(apps -> apps.path(0).path("id").asText(null));
    }

    /** The id of an executor that is running tasks now, if any. */
    Optional<String> busyExecutor(String applicationId) throws InterruptedException {
        return get("/api/v1/applications/" + applicationId + "/executors").flatMap(executors -> {
            for (JsonNode executor : executors) {
                if (!executor.path("id").asText().equals("driver") && executor.path("activeTasks").asInt() > 0) {
                    return Optional.of(executor.path("id").asText());
                }
            }
            return Optional.empty();
        });
    }

    private Optional<JsonNode> get(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ui.resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(new ObjectMapper().readTree(response.body())) : Optional.empty();
        } catch (IOException notUpYet) {
            return Optional.empty();
        }
    }
}
