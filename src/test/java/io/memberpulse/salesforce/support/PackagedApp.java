package io.memberpulse.salesforce.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged jar as operators run it (prod profile, settings from the environment), on a fresh
 * database of its own, for tests that start, stop and kill the real process.
 */
public final class PackagedApp implements AutoCloseable {

    public static final String ISSUER = "https://auth.it.memberpulse.local";
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    public final String database = "mp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final int port;
    public final Path log;
    private final Map<String, String> extra = new HashMap<>();
    private Process process;

    public PackagedApp() throws IOException, SQLException {
        execute("create database " + database);
        port = freePort();
        log = Files.createTempFile("memberpulse-it", ".log");
    }

    public PackagedApp with(String name, String value) {
        extra.put(name, value);
        return this;
    }

    public Map<String, String> environment(boolean withKey) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "unused-with-trust-auth");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of("src/test/resources/jwt-test-public.pem").toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        if (withKey) {
            env.put("MEMBERPULSE_ENCRYPTION_KEY", "aXQtb25seS1rZXktMzItYnl0ZXMtLS0tLS0tLS0tLS0=");
        }
        env.putAll(extra);
        return env;
    }

    public Process start(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("MEMBERPULSE_"));
        builder.environment().putAll(env);
        process = builder.start();
        return process;
    }

    public void startAndAwaitReady() throws Exception {
        start(environment(true));
        awaitReady();
    }

    public void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s: " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no chance to tidy up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public Process process() {
        return process;
    }

    /**
     * Calls {@code /api/v1/tenants/{tenant}/salesforce + path} on the running service with a bearer
     * token (a null body sends none) and returns the response, whatever its status.
     */
    public HttpResponse<String> callTenantApi(String token, String tenant, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/tenants/" + tenant + "/salesforce" + path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The one number {@code sql} selects from the service's database. */
    public long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                java.sql.ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
        execute("drop database if exists " + database + " with (force)");
        Files.deleteIfExists(log);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
