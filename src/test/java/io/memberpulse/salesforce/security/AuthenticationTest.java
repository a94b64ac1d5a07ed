package io.memberpulse.salesforce.security;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    static final Map<String, Object> SETTINGS = Map.of("environment", "PRODUCTION");

    String tenant;

    @BeforeEach
    void tenantWithAConnection() {
        tenant = TestTokens.newTenantId();
        as(TestTokens.admin(tenant)).body(SETTINGS).put(connectionPath(tenant)).then().statusCode(201);
    }

    @Test
    void noTokenIs401() {
        given().get(connectionPath(tenant))
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", equalTo("https://memberpulse.io/problems/unauthenticated"));
    }

    @Test
    void anExpiredTokenIs401() {
        as(TestTokens.expired(tenant)).get(connectionPath(tenant))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        as(TestTokens.fromIssuer(tenant, "https://evil.example")).get(connectionPath(tenant))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenSignedByAnUntrustedKeyIs401() {
        as(TestTokens.signedByStranger(tenant)).get(connectionPath(tenant))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void garbageInsteadOfATokenIs401() {
        as("not.a.jwt").get(connectionPath(tenant)).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenOfAnotherTenantIs403EvenForATenantThatDoesNotExist() {
        String other = TestTokens.newTenantId();
        as(TestTokens.admin(other)).get(connectionPath(tenant))
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Your token belongs to another tenant than " + tenant));
        as(TestTokens.admin(other)).body(SETTINGS).put(connectionPath(tenant)).then().statusCode(403);
        as(TestTokens.admin(other)).delete(connectionPath(tenant)).then().statusCode(403);
        // Not 404: whether a foreign tenant exists is not revealed.
        as(TestTokens.admin(other)).get(connectionPath(TestTokens.newTenantId())).then().statusCode(403);
        as(TestTokens.admin(tenant)).get(connectionPath(tenant)).then().statusCode(200);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        String viewer = TestTokens.viewer(tenant);
        as(viewer).get(connectionPath(tenant)).then().statusCode(200);
        as(viewer).get(connectionPath(tenant) + "/audit").then().statusCode(200);
        as(viewer).body(Map.of("environment", "SANDBOX")).put(connectionPath(tenant))
                .then().statusCode(403).contentType("application/problem+json");
        as(viewer).delete(connectionPath(tenant)).then().statusCode(403);
        as(viewer).get(connectionPath(tenant)).then().statusCode(200).body("environment", equalTo("PRODUCTION"));
    }

    @Test
    void theServiceRoleCannotTouchSettings() {
        as(TestTokens.service(tenant)).get(connectionPath(tenant)).then().statusCode(403);
        as(TestTokens.service(tenant)).body(SETTINGS).put(connectionPath(tenant)).then().statusCode(403);
    }

    @Test
    void aPlatformAdminReachesAnyTenant() {
        as(TestTokens.platformAdmin()).get(connectionPath(tenant)).then().statusCode(200);
        as(TestTokens.platformAdmin()).body(Map.of("environment", "SANDBOX")).put(connectionPath(tenant))
                .then().statusCode(200).body("updatedBy", equalTo("alice@memberpulse.example"));
    }

    @Test
    void aMalformedTenantIdIs400() {
        as(TestTokens.platformAdmin()).get(connectionPath("bad%20tenant"))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tenantId"));
    }
}
