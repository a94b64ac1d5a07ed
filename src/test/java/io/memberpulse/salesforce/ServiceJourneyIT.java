package io.memberpulse.salesforce;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.FreshDatabaseResource;
import io.memberpulse.salesforce.support.PackagedApp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact (jar, or native binary where one can be built) on the paths a woken pod takes
 * first: health, a tenant connecting, member events sent to Salesforce, the status page, the wake-up
 * call. With {@code -Paot} these runs also train the AOT cache ({@code quarkus.package.jar.aot.phase}).
 */
@QuarkusIntegrationTest
// Restricted: unrestricted test resources apply to every @QuarkusTest of the run, and these
// settings (issuer, key, database) are the packaged app's, not the tests'.
@QuarkusTestResource(value = FreshDatabaseResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SalesforceEmulatorTestResource.class, restrictToAnnotatedClass = true)
class ServiceJourneyIT {

    static final String TENANT = "journey";
    static final String BASE = "/api/v1/tenants/" + TENANT + "/salesforce";

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Test
    void aTenantConnectsAndItsMembersReachSalesforce() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200);
        String token = Jwt.issuer(PackagedApp.ISSUER).upn("ops@example")
                .groups(Set.of("salesforce-admin", "memberpulse-service"))
                .claim("tenant_id", TENANT).expiresIn(600).sign(KeyUtils.readPrivateKey("jwt-test-private.pem"));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"emulator-client\",\"consumerSecret\":"
                        + "\"emulator-secret\",\"autoSync\":true,\"myDomainUrl\":\"" + emulator.baseUrl() + "\"}")
                .put(BASE + "/connection").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).post(BASE + "/connection/test").then().statusCode(200)
                .body("ready", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"events\":[" + event(1, "Acme") + "," + event(2, "Globex") + "]}")
                .post(BASE + "/events").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> emulator.defaultOrg().records("Contact").size() >= 2);
        given().auth().oauth2(token).get(BASE + "/status").then().statusCode(200);
        given().auth().oauth2(token).get(BASE + "/sync-log").then().statusCode(200);
        given().auth().oauth2(FreshDatabaseResource.INTERNAL_TOKEN).contentType(ContentType.JSON).body("{}")
                .post("/internal/wake-up").then().statusCode(202);
    }

    private static String event(int i, String company) {
        return "{\"eventId\":\"j-e" + i + "\",\"type\":\"member.upserted\",\"occurredAt\":\""
                + Instant.now().minusSeconds(5) + "\",\"memberId\":\"j-m" + i + "\",\"data\":{\"lastName\":\"Member "
                + i + "\",\"email\":\"j" + i + "@example.com\",\"company\":\"" + company + "\"}}";
    }
}
