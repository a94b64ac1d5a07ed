package io.memberpulse.salesforce.tenant;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectionResourceTest {

    static final String SECRET = "sf-consumer-secret-0123456789ABCD";

    @Inject
    AgroalDataSource database;

    /** SALESFORCE_LOGIN_URL: the emulator's, when it runs beside the tests. */
    @ConfigProperty(name = "salesforce.login-url")
    String productionLoginUrl;

    String tenant;
    String admin;

    @BeforeEach
    void newTenant() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
    }

    @Test
    void createsReadsReplacesAndDeletesAConnection() {
        as(admin).body(Map.of("environment", "SANDBOX", "consumerKey", "3MVG9-key", "consumerSecret", SECRET,
                "autoSync", true, "myDomainUrl", "https://Acme--Dev.sandbox.my.salesforce.com/"))
                .put(connectionPath(tenant))
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("tenantId", equalTo(tenant))
                .body("environment", equalTo("SANDBOX"))
                .body("consumerKey", equalTo("3MVG9-key"))
                .body("consumerSecretSet", equalTo(true))
                .body("consumerSecretLast4", equalTo("ABCD"))
                .body("autoSync", equalTo(true))
                .body("myDomainUrl", equalTo("https://acme--dev.sandbox.my.salesforce.com"))
                .body("loginUrl", equalTo("https://acme--dev.sandbox.my.salesforce.com"))
                .body("credentialSource", equalTo("TENANT"))
                .body("createdBy", equalTo("alice@" + tenant + ".example"))
                .body("consumerSecret", nullValue());

        as(TestTokens.viewer(tenant)).get(connectionPath(tenant))
                .then().statusCode(200)
                .body("environment", equalTo("SANDBOX"))
                .body("consumerSecretSet", equalTo(true));

        // Replace without the secret: every field is replaced, the stored secret is kept.
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "3MVG9-key"))
                .put(connectionPath(tenant))
                .then().statusCode(200)
                .body("environment", equalTo("PRODUCTION"))
                .body("autoSync", equalTo(false))
                .body("myDomainUrl", nullValue())
                .body("loginUrl", equalTo(productionLoginUrl))
                .body("consumerSecretSet", equalTo(true))
                .body("consumerSecretLast4", equalTo("ABCD"));

        as(admin).delete(connectionPath(tenant)).then().statusCode(204);
        as(admin).get(connectionPath(tenant)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Tenant " + tenant + " has no Salesforce connection"));
        as(admin).delete(connectionPath(tenant)).then().statusCode(404);
        assertThat(count("select count(*) from tenant_secret where tenant_id = ?")).isZero();
        assertThat(count("select count(*) from salesforce_connection where tenant_id = ?")).isZero();
    }

    @Test
    void theSecretIsEncryptedAtRestAndNeverReturned() throws SQLException {
        String body = as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "ck", "consumerSecret", SECRET))
                .put(connectionPath(tenant))
                .then().statusCode(201)
                .extract().asString();
        String read = as(admin).get(connectionPath(tenant)).then().statusCode(200).extract().asString();
        String audit = as(admin).get(connectionPath(tenant) + "/audit").then().statusCode(200).extract().asString();

        assertThat(body + read + audit).doesNotContain(SECRET).doesNotContain("sf-consumer-secret");
        try (Connection c = database.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "select ciphertext, key_id, last4 from tenant_secret where tenant_id = ? and name = ?")) {
            select.setString(1, tenant);
            select.setString(2, "CONSUMER_SECRET");
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                byte[] ciphertext = row.getBytes("ciphertext");
                assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
                assertThat(ciphertext.length).isEqualTo(12 + SECRET.length() + 16);
                assertThat(row.getString("key_id")).startsWith("k");
                assertThat(row.getString("last4")).isEqualTo("ABCD");
            }
        }
        assertThat(dump("select * from salesforce_connection where tenant_id = ?")).doesNotContain(SECRET);
        assertThat(dump("select * from connection_audit where tenant_id = ?")).doesNotContain(SECRET);
    }

    @Test
    void aTenantWithoutItsOwnKeyUsesThePlatformAppAndRemovingTheKeyForgetsTheSecret() {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "ck", "consumerSecret", SECRET))
                .put(connectionPath(tenant)).then().statusCode(201);

        as(admin).body(Map.of("environment", "SANDBOX"))
                .put(connectionPath(tenant))
                .then().statusCode(200)
                .body("credentialSource", equalTo("PLATFORM"))
                .body("consumerKey", nullValue())
                .body("consumerSecretSet", equalTo(false))
                .body("loginUrl", equalTo("https://test.salesforce.com"));
        assertThat(count("select count(*) from tenant_secret where tenant_id = ?")).isZero();
    }

    @Test
    void theAuditTrailNamesWhoChangedWhichFieldsAndOutlivesTheConnection() {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "ck", "consumerSecret", SECRET))
                .put(connectionPath(tenant)).then().statusCode(201);
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "ck", "consumerSecret", SECRET + "X",
                "autoSync", true)).put(connectionPath(tenant)).then().statusCode(200);
        as(admin).delete(connectionPath(tenant)).then().statusCode(204);

        as(TestTokens.viewer(tenant)).get(connectionPath(tenant) + "/audit")
                .then().statusCode(200)
                .body("action", contains("DELETED", "UPDATED", "CREATED"))
                .body("[1].changedFields", contains("consumerSecret", "autoSync"))
                .body("[2].changedFields", contains("environment", "consumerKey", "consumerSecret"))
                .body("[0].actor", equalTo("alice@" + tenant + ".example"))
                .body("[0].occurredAt", notNullValue());
    }

    @Test
    void adminsReadingTheConnectionAtOnceGetOneOutboundMessageUrl() throws Exception {
        as(admin).body(Map.of("environment", "PRODUCTION")).put(connectionPath(tenant)).then().statusCode(201);
        int readers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(readers);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                // The first read of a tenant creates the endpoint secret: every reader races to do it.
                reads.add(pool.submit(() -> {
                    start.await();
                    return as(admin).get(connectionPath(tenant));
                }));
            }
            java.util.Set<String> urls = new java.util.HashSet<>();
            for (java.util.concurrent.Future<io.restassured.response.Response> read : reads) {
                io.restassured.response.Response response = read.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                urls.add(response.path("outboundMessageUrl"));
            }
            assertThat(urls).singleElement().asString().contains("secret=");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from tenant_secret where tenant_id = ? and name = 'OUTBOUND_MESSAGE_SECRET'"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownTenantIs404Everywhere() {
        as(admin).get(connectionPath(tenant)).then().statusCode(404).contentType("application/problem+json");
        as(admin).get(connectionPath(tenant) + "/audit").then().statusCode(404).contentType("application/problem+json");
        as(admin).delete(connectionPath(tenant)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyResponseCarriesARequestIdThatProblemsRepeat() {
        as(admin).header("X-Request-Id", "req-42").get(connectionPath(tenant))
                .then().statusCode(404)
                .header("X-Request-Id", "req-42")
                .body("requestId", equalTo("req-42"))
                .body("instance", equalTo(connectionPath(tenant)));
        as(admin).header("X-Request-Id", "bad id\nforged-log-line").get(connectionPath(tenant))
                .then().header("X-Request-Id", not(equalTo("bad id\nforged-log-line")));
    }

    private long count(String sql) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String dump(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(rows.getObject(i)));
                    }
                }
            }
        }
        return String.join("|", values);
    }
}
