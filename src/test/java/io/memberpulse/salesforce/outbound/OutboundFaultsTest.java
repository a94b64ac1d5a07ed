package io.memberpulse.salesforce.outbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.memberpulse.salesforce.emulator.Faults;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline under Salesforce outages and limits, and the member.deleted policies. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class OutboundFaultsTest extends PipelineTestSupport {

    MemberEvents events;

    @BeforeEach
    void memberEvents() {
        events = new MemberEvents(database, tenant.id);
    }

    @AfterEach
    void clear() {
        emulator.faults().clear();
    }

    @Test
    void aSixtySecondOutageDelaysButLosesAndDuplicatesNothing() {
        Instant start = Instant.now();
        emulator.faults().outage(Duration.ofSeconds(60), Faults.OutageMode.HTTP_503);
        Map<String, String> batch = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            batch.put(tenant.member(i), "{\"lastName\":\"L" + i + "\",\"company\":\"Outage Co " + (i % 3) + " " + tenant.id + "\"}");
        }
        events.upsertedBatch(batch);

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> tenant.count("select count(*) from outbox_item where tenant_id = ? and status <> 'DONE'") == 0
                        && tenant.count("select count(*) from member_event where tenant_id = ? and planned_at is null") == 0);

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        List<StoredRecord> contacts = tenant.contacts();
        assertThat(contacts).hasSize(150);
        assertThat(contacts.stream().map(c -> c.get("MemberPulse_Id__c")).distinct()).hasSize(150);
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED'")).isZero();
    }

    @Test
    void theDailyLimitPausesTheTenantAndKeepsItsWork() {
        emulator.faults().requestLimitExceededAfter(0);
        events.upserted(tenant.member(1), "{\"lastName\":\"Limited\"}");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tenant.count("select count(*) from salesforce_connection where tenant_id = ? "
                        + "and paused_until > now()") == 1
                        && tenant.count("select count(*) from outbox_item where tenant_id = ? and status = 'PENDING'") == 1);
        emulator.faults().clear();

        assertThat(tenant.contacts()).isEmpty();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED'")).isZero();
    }

    @Test
    void rejectedCredentialsMarkTheTenantForReconnectingAndKeepItsWork() {
        io.memberpulse.salesforce.support.Api.as(tenant.admin).body(Map.of("environment", "PRODUCTION",
                "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID, "consumerSecret", "no-longer-the-secret",
                "myDomainUrl", emulator.baseUrl(), "autoSync", true))
                .put(io.memberpulse.salesforce.support.Api.connectionPath(tenant.id)).then().statusCode(200);
        events.upserted(tenant.member(1), "{\"lastName\":\"Waiting\"}");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tenant.count("select count(*) from salesforce_connection where tenant_id = ? "
                        + "and state = 'RECONNECT_NEEDED'") == 1);
        assertThat(tenant.count("select count(*) from outbox_item where tenant_id = ? and status = 'PENDING'"))
                .isEqualTo(1);
        assertThat(tenant.contacts()).isEmpty();
    }

    @Test
    void memberDeletedClearsTheStatusOnlyWhenTheTenantAsksForIt() {
        events.upserted(tenant.member(1), "{\"lastName\":\"Kept\",\"membershipStatus\":\"active\"}");
        events.upserted(tenant.member(2), "{\"lastName\":\"Cleared\",\"membershipStatus\":\"active\"}");
        awaitQuiet();

        events.store("member.deleted", tenant.member(1), "{}", Instant.now());
        awaitQuiet();
        assertThat(tenant.contact(tenant.member(1)).get("MemberPulse_Membership_Status__c")).isEqualTo("active");

        Map<String, Object> mapping = new LinkedHashMap<>(as(tenant.admin).get(mappingPath()).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        mapping.keySet().retainAll(List.of("externalIdField", "membershipStatusField", "apiBudgetShare", "fields"));
        mapping.put("deletedMemberPolicy", "clear_status");
        as(tenant.admin).body(mapping).put(mappingPath()).then().statusCode(anyOf(is(200), is(201)));
        events.store("member.deleted", tenant.member(2), "{}", Instant.now());
        awaitQuiet();

        assertThat(tenant.contact(tenant.member(2)).get("MemberPulse_Membership_Status__c")).isNull();
        assertThat(tenant.contact(tenant.member(2)).get("LastName")).isEqualTo("Cleared");
    }

    private String mappingPath() {
        return "/api/v1/tenants/" + tenant.id + "/salesforce/field-mappings";
    }
}
