package io.memberpulse.salesforce.synclog;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.OutboxRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A write Salesforce refuses shows in the sync log and the status, and a retry sends it again. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class SyncLogPipelineTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Test
    void aRefusedWriteIsLoggedWithSalesforcesCodeAndARetrySendsItAgainWithAttemptsRestarted() {
        String tenant = TestTokens.newTenantId();
        String admin = TestTokens.admin(tenant);
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", SalesforceEmulator.DEFAULT_CLIENT_SECRET, "myDomainUrl", emulator.baseUrl(),
                "autoSync", true))
                .put(connectionPath(tenant)).then().statusCode(201);
        String member = tenant + "-m1";
        new MemberEvents(database, tenant).upserted(member, "{\"firstName\":\"No last name\"}");

        String failedPath = "/api/v1/tenants/" + tenant + "/salesforce/sync-log?outcome=FAILED";
        JsonPath first = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(admin).get(failedPath).then().statusCode(200).extract().jsonPath(),
                        page -> page.getList("entries").size() == 1);
        assertThat(first.getString("entries[0].errorCode")).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(first.getString("entries[0].adminHint")).contains("LastName");
        assertThat(first.getBoolean("entries[0].retryable")).isTrue();
        assertThat(first.getInt("entries[0].attempts")).isEqualTo(1);
        as(admin).get("/api/v1/tenants/" + tenant + "/salesforce/status").then().statusCode(200)
                .body("pipeline.failed", equalTo(1))
                .body("summary", equalTo("1 record failed: see the sync log."));

        long entry = first.getLong("entries[0].id");
        as(admin).post("/api/v1/tenants/" + tenant + "/salesforce/sync-log/" + entry + "/retry")
                .then().statusCode(202)
                .body("result", equalTo("REQUEUED"));

        // Still no last name: Salesforce refuses it again, a second entry, attempts counted from 1 again.
        JsonPath again = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(admin).get(failedPath).then().statusCode(200).extract().jsonPath(),
                        page -> page.getList("entries").size() == 2);
        assertThat(again.getLong("entries[0].id")).isGreaterThan(entry);
        assertThat(again.getString("entries[0].errorCode")).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(again.getInt("entries[0].attempts")).isEqualTo(1);
        assertThat(new OutboxRows(database, tenant).value("select attempts || ',' || status from outbox_item "
                + "where tenant_id = ?")).isEqualTo("1,FAILED");
    }
}
