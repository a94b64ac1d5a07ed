package io.memberpulse.salesforce.status;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.OutboxRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status panel for tenants in each situation an admin meets. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class StatusResourceTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    String tenant;
    String admin;
    OutboxRows rows;

    @BeforeEach
    void newTenant() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        rows = new OutboxRows(database, tenant);
    }

    @Test
    void aTenantThatSentEventsBeforeConnectingIsNotConnectedAndItsEventsWait() {
        new MemberEvents(database, tenant).upserted("m-1", "{\"lastName\":\"Lovelace\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestTokens.viewer(tenant)).get(path())
                .then().statusCode(200)
                .body("connection.state", equalTo("NOT_CONNECTED"))
                .body("connection.autoSync", equalTo(false))
                .body("connection.orgId", nullValue())
                .body("connection.circuitBreaker", equalTo("CLOSED"))
                .body("pipeline.pending", equalTo(1))
                .body("pipeline.unplannedEvents", equalTo(0))
                .body("pipeline.oldestPendingAgeSeconds", greaterThanOrEqualTo(0))
                .body("pipeline.lastSuccessAt", nullValue())
                .body("apiUsage.used", nullValue())
                .body("apiUsage.max", nullValue())
                .body("apiUsage.budgetUsed", nullValue())
                .body("apiUsage.budgetShare", equalTo(0.5f))
                .body("summary", equalTo("Not connected: events are stored and will be sent once you connect.")));
    }

    @Test
    void aTenantWithNothingAtAllIsUnknown() {
        as(admin).get(path()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void autoSyncOffCountsWhatWaits() {
        connect(false);
        for (int i = 0; i < 10; i++) {
            rows.item("m-" + i, "PENDING", "{\"lastName\":\"L\"}");
        }
        rows.item("m-10", "PENDING", "{\"lastName\":\"L\"}", 1);
        rows.item("m-11", "IN_FLIGHT", "{\"lastName\":\"L\"}");

        as(admin).get(path()).then().statusCode(200)
                .body("connection.autoSync", equalTo(false))
                .body("pipeline.pending", equalTo(10))
                .body("pipeline.pendingBackfill", equalTo(1))
                .body("pipeline.inFlight", equalTo(1))
                .body("pipeline.failed", equalTo(0))
                .body("pipeline.oldestPendingAgeSeconds", notNullValue())
                .body("summary", equalTo("Auto-sync is off: 12 changes are waiting."));
    }

    @Test
    void failedRecordsPointToTheSyncLog() {
        connect(true);
        for (int i = 0; i < 3; i++) {
            rows.logEntry("m-" + i, "FAILED", rows.item("m-" + i, "FAILED", "{\"firstName\":\"F\"}"));
        }

        as(admin).get(path()).then().statusCode(200)
                .body("connection.state", equalTo("CONNECTED"))
                .body("connection.orgId", startsWith("00D"))
                .body("connection.autoSync", equalTo(true))
                .body("pipeline.failed", equalTo(3))
                .body("pipeline.oldestPendingAgeSeconds", nullValue())
                .body("summary", equalTo("3 records failed: see the sync log."));
    }

    @Test
    void aTenantWhoseWritesAllLandedIsInSync() {
        connect(true);
        rows.logEntry("m-1", "SUCCESS", rows.item("m-1", "DONE", "{\"lastName\":\"L\"}"));

        as(admin).get(path()).then().statusCode(200)
                .body("pipeline.pending", equalTo(0))
                .body("pipeline.failed", equalTo(0))
                .body("pipeline.lastSuccessAt", notNullValue())
                .body("apiUsage.max", greaterThanOrEqualTo(1))
                .body("apiUsage.budgetUsed", notNullValue())
                .body("summary", equalTo("In sync"));
    }

    @Test
    void rejectedCredentialsAndPausesComeFirst() {
        connect(true);
        rows.item("m-1", "FAILED", "{\"firstName\":\"F\"}");
        rows.update("update salesforce_connection set paused_until = now() + interval '1 hour' where tenant_id = ?");
        as(admin).get(path()).then().statusCode(200)
                .body("connection.pausedUntil", notNullValue())
                .body("summary", startsWith("Paused until "));

        rows.update("update salesforce_connection set state = 'RECONNECT_NEEDED', state_detail = "
                + "'The Salesforce authorization was revoked or expired: connect with Salesforce again' "
                + "where tenant_id = ?");
        as(TestTokens.platformAdmin()).get(path()).then().statusCode(200)
                .body("connection.state", equalTo("RECONNECT_NEEDED"))
                .body("summary", equalTo("Reconnect needed: The Salesforce authorization was revoked or expired: "
                        + "connect with Salesforce again."));
    }

    @Test
    void onlyTheTenantsOwnReadersSeeIt() {
        connect(false);
        as(TestTokens.viewer(tenant)).get(path()).then().statusCode(200);
        as(TestTokens.viewer(TestTokens.newTenantId())).get(path()).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.service(tenant)).get(path()).then().statusCode(403);
    }

    /** Through the API; with the emulator's credentials, then tested, so the org is known. */
    private void connect(boolean autoSync) {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", SalesforceEmulator.DEFAULT_CLIENT_SECRET, "myDomainUrl", emulator.baseUrl(),
                "autoSync", autoSync))
                .put(connectionPath(tenant)).then().statusCode(201);
        as(admin).post(connectionPath(tenant) + "/test").then().statusCode(200);
    }

    private String path() {
        return "/api/v1/tenants/" + tenant + "/salesforce/status";
    }
}
