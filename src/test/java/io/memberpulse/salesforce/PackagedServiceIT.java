package io.memberpulse.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberpulse.salesforce.support.PackagedApp;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as operators run it: prod profile, configuration only from the environment,
 * an empty database of its own.
 */
class PackagedServiceIT {

    static final String OPENAPI_PREPARED = "prepared on its first request";

    final HttpClient http = HttpClient.newHttpClient();
    PackagedApp app;

    @BeforeEach
    void emptyDatabase() throws Exception {
        app = new PackagedApp();
    }

    @AfterEach
    void cleanUp() throws Exception {
        app.close();
    }

    @Test
    void startsFromTheEnvironmentMigratesAnEmptyDatabaseAndServes() throws Exception {
        app.startAndAwaitReady();

        assertThat(tables()).contains("salesforce_connection", "tenant_secret", "connection_audit", "member_event",
                "outbox_item", "sync_log", "backfill_job", "flyway_schema_history");

        String token = Jwt.issuer(PackagedApp.ISSUER).upn("ops@example").groups(Set.of("salesforce-admin"))
                .claim("tenant_id", "acme").expiresIn(300).sign(KeyUtils.readPrivateKey("jwt-test-private.pem"));
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(
                URI.create(app.url("/api/v1/tenants/acme/salesforce/connection")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"environment\":\"PRODUCTION\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        // JSON logs in prod, each line with the request id.
        assertThat(Files.readString(app.log)).contains("\"loggerName\"").contains("\"requestId\"");
    }

    @Test
    void preparesTheOpenApiDocumentOnItsFirstRequestAndServesTheBuildTimeDocument() throws Exception {
        app.startAndAwaitReady();
        assertThat(Files.readString(app.log)).as("nothing prepared before readiness")
                .doesNotContain(OPENAPI_PREPARED);

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(app.url("/q/openapi")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> yaml = http.send(HttpRequest.newBuilder(URI.create(app.url("/q/openapi"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json.statusCode()).isEqualTo(200);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(json.body())).as("the document generated at build time")
                .isEqualTo(mapper.readTree(buildTimeOpenApiDocument()));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("yaml"));
        assertThat(Files.readString(app.log)).contains(OPENAPI_PREPARED);
    }

    @Test
    void refusesToStartWithoutAnEncryptionKey() throws Exception {
        Process process = app.start(app.environment(false));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(app.log)).contains("memberpulse.encryption.key");
    }

    /** What Quarkus generated into the jar (target/openapi/openapi.json differs: it adds a servers entry). */
    private static byte[] buildTimeOpenApiDocument() throws IOException {
        try (ZipFile jar = new ZipFile("target/quarkus-app/quarkus/generated-bytecode.jar")) {
            return jar.getInputStream(jar.getEntry("META-INF/quarkus-generated-openapi-doc.JSON")).readAllBytes();
        }
    }

    private Set<String> tables() throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
                ResultSet rows = c.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
