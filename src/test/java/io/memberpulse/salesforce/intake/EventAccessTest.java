package io.memberpulse.salesforce.intake;

import static io.memberpulse.salesforce.intake.Events.batch;
import static io.memberpulse.salesforce.intake.Events.post;
import static io.memberpulse.salesforce.intake.Events.upserted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only MemberPulse core (and platform admins) send events, each for its own tenant, within 1 MiB. */
@QuarkusTest
class EventAccessTest {

    @Inject
    InboxRows inbox;

    String tenant;
    Map<String, Object> batch;

    @BeforeEach
    void newTenant() {
        tenant = TestTokens.newTenantId();
        batch = batch(upserted("e-1", "m-1"));
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(inbox.count(tenant)).isZero();
    }

    @Test
    void adminsAndViewersMayNotSendEvents() {
        post(TestTokens.admin(tenant), tenant, batch).statusCode(403).contentType("application/problem+json");
        post(TestTokens.viewer(tenant), tenant, batch).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherTenantsTokenIs403() {
        post(TestTokens.service(TestTokens.newTenantId()), tenant, batch)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Your token belongs to another tenant than " + tenant));
    }

    @Test
    void noTokenIs401() {
        given().contentType(ContentType.JSON).body(batch).post(Events.path(tenant))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aBodyOver1MiBIs413() throws Exception {
        String body = new ObjectMapper().writeValueAsString(batch(Events.event("e-1", "activity.logged", "m-1",
                Events.data("name", "note", "description", "x".repeat(EventBatch.MAX_BYTES)))));
        assertThat(body.length()).isGreaterThan(EventBatch.MAX_BYTES);
        post(TestTokens.service(tenant), tenant, body)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("Request body is larger than this endpoint accepts (1048576 bytes)"));
    }
}
