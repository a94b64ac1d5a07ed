package io.memberpulse.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as operators run it: prod profile, configuration only from the environment,
 * an empty database of its own.
 */
class PackagedServiceIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String ISSUER = "https://auth.it.memberpulse.local";

    final HttpClient http = HttpClient.newHttpClient();
    String database;
    Process process;
    Path log;

    @BeforeEach
    void emptyDatabase() throws SQLException, IOException {
        database = "mp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + database);
        log = Files.createTempFile("memberpulse-it", ".log");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        execute("drop database if exists " + database + " with (force)");
        Files.deleteIfExists(log);
    }

    @Test
    void startsFromTheEnvironmentMigratesAnEmptyDatabaseAndServes() throws Exception {
        int port = freePort();
        process = start(environment(port, true));

        awaitReady(port);
        assertThat(tables()).contains("salesforce_connection", "tenant_secret", "connection_audit",
                "flyway_schema_history");

        String token = Jwt.issuer(ISSUER).upn("ops@example").groups(Set.of("salesforce-admin"))
                .claim("tenant_id", "acme").expiresIn(300).sign(privateKey());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(api(port))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"environment\":\"PRODUCTION\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        // JSON logs in prod, each line with the request id.
        assertThat(Files.readString(log)).contains("\"loggerName\"").contains("\"requestId\"");
    }

    @Test
    void refusesToStartWithoutAnEncryptionKey() throws Exception {
        process = start(environment(freePort(), false));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("memberpulse.encryption.key");
    }

    private Map<String, String> environment(int port, boolean withKey) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "unused-with-trust-auth");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/jwt-test-public.pem").toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        if (withKey) {
            env.put("MEMBERPULSE_ENCRYPTION_KEY", "aXQtb25seS1rZXktMzItYnl0ZXMtLS0tLS0tLS0tLS0=");
        }
        return env;
    }

    private Process start(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("MEMBERPULSE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitReady(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("service exited: %s", Files.readString(log)).isTrue();
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s: " + Files.readString(log));
    }

    private Set<String> tables() throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                ResultSet rows = c.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static URI api(int port) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/tenants/acme/salesforce/connection");
    }

    private static PrivateKey privateKey() throws Exception {
        return KeyUtils.readPrivateKey("jwt-test-private.pem");
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
