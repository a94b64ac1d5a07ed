package io.memberpulse.salesforce.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A tiny HTTP client for the emulator's own tests. */
final class EmulatorHttp {

    static final String V = "/services/data/v62.0";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private String token;
    private String callOptions = "client=memberpulse-test";

    EmulatorHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    EmulatorHttp token(String accessToken) {
        this.token = accessToken;
        return this;
    }

    EmulatorHttp callOptions(String header) {
        this.callOptions = header;
        return this;
    }

    /** Logs in with client credentials and keeps the token. */
    EmulatorHttp login(String clientId, String secret) {
        HttpResponse<String> resp = form("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        try {
            token = (String) Json.readObject(resp.body()).get("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) {
        return send(api(path).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(api(path).DELETE());
    }

    HttpResponse<String> post(String path, Object json) {
        return send(api(path).POST(HttpRequest.BodyPublishers.ofString(Json.write(json))));
    }

    HttpResponse<String> patch(String path, Object json) {
        return send(api(path).method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(json))));
    }

    HttpResponse<String> getRaw(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    static Map<String, Object> object(HttpResponse<String> response) {
        try {
            return Json.readObject(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.List<Map<String, Object>> array(HttpResponse<String> response) {
        return Json.readArray(response.body());
    }

    static String query(String soql) {
        return V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder api(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (callOptions != null) {
            b.header("Sforce-Call-Options", callOptions);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
