package io.memberpulse.salesforce.wakeup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.MemberEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /internal/wake-up}. The poll timer is slowed to an hour here, so only the wake-up call
 * can set the pipeline going once auto-sync is switched on.
 */
@QuarkusTest
@TestProfile(WakeUpTest.SlowPoll.class)
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class WakeUpTest {

    static final String PATH = "/internal/wake-up";

    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memberpulse.outbound.poll-interval", "PT1H");
        }
    }

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Test
    void withoutTheTokenItIsRefused() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aWrongTokenIsRefusedAndNotEchoed() {
        String body = given().auth().oauth2("test-internal-token-but-wrong").contentType(ContentType.JSON).body("{}")
                .when().post(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .extract().asString();
        assertThat(body).doesNotContain("test-internal-token");
    }

    @Test
    void aJwtIsNotTheInternalToken() {
        ConnectedTenant tenant = new ConnectedTenant(emulator, database, false);
        given().auth().oauth2(tenant.admin).contentType(ContentType.JSON).body("{}")
                .when().post(PATH)
                .then().statusCode(401);
    }

    @Test
    void theRightTokenWakesEveryTenantWithWaitingWork() {
        ConnectedTenant tenant = new ConnectedTenant(emulator, database, false);
        MemberEvents events = new MemberEvents(database, tenant.id);
        events.upserted(tenant.member(1), "{\"lastName\":\"Woken\",\"email\":\"woken@example.com\"}");
        events.upserted(tenant.member(2), "{\"lastName\":\"Also woken\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> tenant.count("select count(*) from outbox_item where tenant_id = ? and status = 'PENDING'")
                        == 2);
        tenant.autoSync(true);

        given().auth().oauth2("test-internal-token").contentType(ContentType.JSON).body("{}")
                .when().post(PATH)
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("tenantsWoken", greaterThanOrEqualTo(1))
                .body("pending", greaterThanOrEqualTo(2));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> tenant.contacts().size() == 2);
        assertThat(tenant.contact(tenant.member(1)).get("LastName")).isEqualTo("Woken");
    }
}
