package io.memberpulse.salesforce.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth contract against reference §1 and samples 1-2. */
class EmulatorOAuthTest {

    static SalesforceEmulator emulator;
    EmulatorHttp http;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        http = new EmulatorHttp(emulator.baseUrl());
    }

    @Test
    void clientCredentialsTokenHasSalesforceShapeWithoutExpiresIn() {
        HttpResponse<String> resp = http.form("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", "emulator-client", "client_secret", "emulator-secret"));

        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase(
                "application/json;charset=UTF-8");
        Map<String, Object> body = EmulatorHttp.object(resp);
        String orgId = emulator.defaultOrg().orgId();
        assertThat(body).containsKeys("access_token", "signature", "instance_url", "id", "token_type", "issued_at")
                .doesNotContainKeys("expires_in", "refresh_token");
        assertThat((String) body.get("access_token")).startsWith(orgId.substring(0, 15) + "!");
        assertThat(body.get("instance_url")).isEqualTo(emulator.baseUrl());
        assertThat((String) body.get("id")).startsWith(emulator.baseUrl() + "/id/" + orgId + "/005");
        assertThat(body.get("token_type")).isEqualTo("Bearer");
        assertThat(body.get("issued_at")).isInstanceOf(String.class);
        assertThat(Long.parseLong((String) body.get("issued_at"))).isGreaterThan(1_600_000_000_000L);
        assertThat(orgId).hasSize(18).startsWith("00D").isEqualTo(SalesforceIds.to18(orgId.substring(0, 15)));
    }

    @Test
    void tokenErrorsUseSalesforceCodes() {
        assertError(Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x"),
                "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}");
        assertError(Map.of("grant_type", "client_credentials", "client_id", "emulator-client", "client_secret", "bad"),
                "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
        assertError(Map.of("grant_type", "magic", "client_id", "emulator-client"),
                "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant type not supported\"}");
        assertError(Map.of("grant_type", "refresh_token", "client_id", "emulator-client", "refresh_token", "nope"),
                "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}");
    }

    @Test
    void clientCredentialsOnLoginHostIsRejected() {
        emulator.oauth().addLoginHost("127.0.0.1");
        EmulatorHttp loginHost = new EmulatorHttp("http://127.0.0.1:" + emulator.port());

        HttpResponse<String> resp = loginHost.form("/services/oauth2/token", Map.of("grant_type",
                "client_credentials", "client_id", "emulator-client", "client_secret", "emulator-secret"));

        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(resp.body()).isEqualTo(
                "{\"error\":\"invalid_grant\",\"error_description\":\"request not supported on this domain\"}");
    }

    @Test
    void authorizationCodeWithPkceThenRefreshThenRevoke() throws Exception {
        String verifier = "a-verifier-that-is-long-enough-0123456789-abcdefghij";
        HttpResponse<String> authorize = http.getRaw("/services/oauth2/authorize?response_type=code"
                + "&client_id=emulator-client&redirect_uri=http://localhost/cb&state=s1&code_challenge_method=S256"
                + "&code_challenge=" + Pkce.challenge(verifier));
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI location = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(location.getQuery()).contains("state=s1").contains("code=");
        String code = location.getQuery().replaceAll(".*code=([^&]*).*", "$1");

        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
                "client_id", "emulator-client", "redirect_uri", "http://localhost/cb", "code_verifier", verifier);
        HttpResponse<String> token = http.form("/services/oauth2/token", exchange);
        assertThat(token.statusCode()).isEqualTo(200);
        Map<String, Object> body = EmulatorHttp.object(token);
        assertThat(body).containsKeys("refresh_token", "scope").doesNotContainKey("expires_in");
        assertThat(http.form("/services/oauth2/token", exchange).body()).contains("invalid_grant");

        HttpResponse<String> refreshed = http.form("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", (String) body.get("refresh_token"), "client_id", "emulator-client"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        Map<String, Object> refreshedBody = EmulatorHttp.object(refreshed);
        assertThat(refreshedBody).containsKey("access_token").doesNotContainKeys("refresh_token", "expires_in");

        assertThat(http.form("/services/oauth2/revoke", Map.of("token", (String) body.get("refresh_token")))
                .statusCode()).isEqualTo(200);
        http.token((String) refreshedBody.get("access_token"));
        assertThat(http.get(EmulatorHttp.V + "/limits").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongVerifierAndDeniedConsent() {
        HttpResponse<String> authorize = http.getRaw("/services/oauth2/authorize?response_type=code"
                + "&client_id=emulator-client&redirect_uri=http://localhost/cb&code_challenge=" + Pkce.challenge("v1"));
        String code = authorize.headers().firstValue("Location").orElseThrow().replaceAll(".*code=([^&]*).*", "$1");
        HttpResponse<String> token = http.form("/services/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", "emulator-client", "redirect_uri", "http://localhost/cb",
                "code_verifier", "v2"));
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("\"error\":\"invalid_grant\"");

        emulator.oauth().denyNext();
        HttpResponse<String> denied = http.getRaw("/services/oauth2/authorize?response_type=code"
                + "&client_id=emulator-client&redirect_uri=http://localhost/cb&state=xyz");
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(denied.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost/cb?error=access_denied&error_description=").endsWith("&state=xyz");
    }

    @Test
    void countsTokenRequestsPerOrg() throws Exception {
        EmulatedOrg other = emulator.createOrg("other-client", "other-secret");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=other-client&client_secret=other-secret"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        assertThat(emulator.oauth().tokenRequests(other.orgId())).isEqualTo(5);
        assertThat(emulator.oauth().tokenRequests(emulator.defaultOrg().orgId())).isZero();
        assertThat(emulator.callLog().count("oauth.token")).isEqualTo(5);
    }

    private void assertError(Map<String, String> form, String expectedBody) {
        HttpResponse<String> resp = http.form("/services/oauth2/token", form);
        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(resp.body()).isEqualTo(expectedBody);
    }
}
