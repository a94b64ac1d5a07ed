package io.memberpulse.salesforce.authorization;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.memberpulse.salesforce.secrets.SecretName;
import io.memberpulse.salesforce.secrets.TenantSecretService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth web server flow with PKCE, driven the way a browser would, against the emulator. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class ConnectWithSalesforceTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    TenantSecretService secrets;

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithItsOwnConnectedApp() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", SalesforceEmulator.DEFAULT_CLIENT_SECRET, "myDomainUrl", emulator.baseUrl()))
                .put(connectionPath(tenant)).then().statusCode(201);
    }

    @AfterEach
    void reset() {
        emulator.callLog().reset();
    }

    @Test
    void anAdminConnectsAndTheRefreshTokenIsStoredSealedAndUsedAfterwards() throws Throwable {
        String authorizationUrl = authorize();
        assertThat(authorizationUrl).startsWith(emulator.baseUrl() + "/services/oauth2/authorize?")
                .contains("code_challenge_method=S256").contains("client_id=emulator-client");

        Map<String, String> callback = consent(authorizationUrl);
        assertThat(callback).containsKeys("code", "state");

        Map<String, String> outcome = callBack(callback);
        assertThat(outcome).containsEntry("outcome", "connected").containsEntry("tenant", tenant);

        as(admin).get(connectionPath(tenant)).then()
                .body("state", equalTo("CONNECTED"))
                .body("orgId", equalTo(emulator.defaultOrg().orgId()));
        assertThat(storedSecretNames()).contains("REFRESH_TOKEN");

        as(admin).post(connectionPath(tenant) + "/test").then().statusCode(200);

        // The sessions come from that refresh token: once Salesforce revokes it, the tenant must reconnect.
        String refreshToken = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> secrets.reveal(tenant, SecretName.REFRESH_TOKEN))).orElseThrow();
        assertThat(emulator.oauth().revoke(refreshToken)).isTrue();
        as(admin).post(connectionPath(tenant) + "/test")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("authorization"));
        as(admin).get(connectionPath(tenant)).then().body("state", equalTo("RECONNECT_NEEDED"));
    }

    @Test
    void aStateWorksOnceOnly() throws Exception {
        Map<String, String> callback = consent(authorize());
        assertThat(callBack(callback)).containsEntry("outcome", "connected");

        assertThat(callBack(callback)).containsEntry("outcome", "error").containsEntry("reason", "invalid_state")
                .doesNotContainKey("tenant");
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        Map<String, String> callback = consent(authorize());
        try (Connection c = database.getConnection(); PreparedStatement expire = c.prepareStatement(
                "update oauth_authorization set expires_at = now() - interval '1 minute' where tenant_id = ?")) {
            expire.setString(1, tenant);
            expire.executeUpdate();
        }

        assertThat(callBack(callback)).containsEntry("outcome", "error").containsEntry("reason", "expired_state");
        assertThat(storedSecretNames()).doesNotContain("REFRESH_TOKEN");
    }

    @Test
    void aDenialComesBackAsAClearOutcome() throws Exception {
        emulator.oauth().denyNext();
        Map<String, String> callback = consent(authorize());

        assertThat(callback).containsEntry("error", "access_denied");
        assertThat(callBack(callback)).containsEntry("outcome", "denied").containsEntry("reason", "access_denied")
                .containsEntry("tenant", tenant);
        as(admin).get(connectionPath(tenant)).then().body("state", equalTo("NOT_CONNECTED"));
    }

    @Test
    void aForgedCodeIsAnErrorOutcomeNotAStackTrace() throws Exception {
        Map<String, String> callback = new HashMap<>(consent(authorize()));
        callback.put("code", "forged-code");

        assertThat(callBack(callback)).containsEntry("outcome", "error").containsEntry("reason", "invalid_grant");
    }

    @Test
    void disconnectingRevokesTheRefreshTokenAtSalesforce() throws Exception {
        callBack(consent(authorize()));
        emulator.callLog().reset();

        as(admin).delete(connectionPath(tenant)).then().statusCode(204);

        assertThat(emulator.callLog().count("oauth.revoke")).isEqualTo(1);
        assertThat(storedSecretNames()).isEmpty();
    }

    @Test
    void onlyAdminsStartTheFlow() {
        as(TestTokens.viewer(tenant)).post(connectionPath(tenant) + "/authorize").then().statusCode(403);
        as(TestTokens.admin(TestTokens.newTenantId())).post(connectionPath(tenant) + "/authorize")
                .then().statusCode(403);
    }

    private String authorize() {
        return as(admin).post(connectionPath(tenant) + "/authorize")
                .then().statusCode(200)
                .extract().path("authorizationUrl");
    }

    /** The browser at Salesforce: consent given (or denied), redirected to our callback. */
    private Map<String, String> consent(String authorizationUrl) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/salesforce/oauth/callback");
        return query(location);
    }

    /** The browser back at our callback: answers the portal redirect's parameters. */
    private Map<String, String> callBack(Map<String, String> parameters) {
        String location = given().redirects().follow(false).queryParams(parameters)
                .get("/salesforce/oauth/callback")
                .then().statusCode(303)
                .extract().header("Location");
        return query(URI.create(location));
    }

    private java.util.List<String> storedSecretNames() throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "select name from tenant_secret where tenant_id = ?")) {
            select.setString(1, tenant);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
