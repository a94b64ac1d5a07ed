package io.memberpulse.salesforce.outbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Member events become Contacts in the emulator: coalesced, batched, linked to Accounts, exactly once. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class OutboundPipelineTest extends PipelineTestSupport {

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
    void membersBecomeContactsWithTheirAccountInFewCalls() {
        Map<String, String> batch = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            batch.put(tenant.member(i), "{\"email\":\"m" + i + "@example.com\",\"firstName\":\"F" + i
                    + "\",\"lastName\":\"L" + i + "\",\"company\":\"Acme " + (i % 5) + " " + tenant.id + "\"}");
        }
        events.upsertedBatch(batch);

        awaitAllDone();

        List<StoredRecord> contacts = tenant.contacts();
        assertThat(contacts).hasSize(250);
        StoredRecord first = contacts.stream().filter(c -> tenant.member(0).equals(c.get("MemberPulse_Id__c"))).findFirst()
                .orElseThrow();
        assertThat(first.get("Email")).isEqualTo("m0@example.com");
        assertThat(first.get("AccountId")).isNotNull();
        assertThat(emulator.defaultOrg().record((String) first.get("AccountId")).get("Name"))
                .isEqualTo("Acme 0 " + tenant.id);
        // 250 Contacts of 5 companies: 2 Contact calls (the floor), 1 Account call, and 1 Account
        // describe to learn whether Account has the company key field.
        assertThat(emulator.callLog().count("collections.upsert"))
                .as("batches %s", emulator.callLog().batchSizes("collections.upsert")).isEqualTo(3);
        assertThat(emulator.callLog().batchSizes("collections.upsert").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(250 + 5);
        assertThat(tenant.count("select count(*) from salesforce_connection where tenant_id = ? and state = 'CONNECTED' "
                + "and org_id = '" + emulator.defaultOrg().orgId() + "'"))
                .as("the sync's first session connects the tenant (no 'test connection' needed)").isOne();
    }

    @Test
    void changesToOneMemberCoalesceIntoOneWriteAndLaterValuesWin() {
        tenant.autoSync(false);
        Instant now = Instant.now();
        events.store("member.upserted", tenant.member(1), "{\"lastName\":\"Old\",\"email\":\"a@example.com\"}",
                now.minusSeconds(30));
        events.store("member.upserted", tenant.member(1), "{\"lastName\":\"New\"}", now.minusSeconds(10));
        events.store("member.upserted", tenant.member(1), "{\"lastName\":\"Stale\"}", now.minusSeconds(20));
        events.store("membership.status_changed", tenant.member(1), "{\"status\":\"active\"}", now);
        await().atMost(Duration.ofSeconds(20)).until(() -> tenant.count("select count(*) from member_event where tenant_id = ? "
                + "and planned_at is null") == 0);
        assertThat(tenant.count("select count(*) from outbox_item where tenant_id = ? and status = 'PENDING'")).isEqualTo(1);
        assertThat(tenant.contacts()).isEmpty();

        tenant.autoSync(true);
        awaitAllDone();

        assertThat(tenant.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.get("LastName")).isEqualTo("New");
            assertThat(contact.get("Email")).isEqualTo("a@example.com");
            assertThat(contact.get("MemberPulse_Membership_Status__c")).isEqualTo("active");
        });
        assertThat(emulator.callLog().count("collections.upsert")).isEqualTo(1);
    }

    @Test
    void oneBadRecordFailsAloneWithSalesforcesCodeInTheSyncLog() {
        events.upserted(tenant.member(1), "{\"lastName\":\"Good\"}");
        events.upserted(tenant.member(2), "{\"firstName\":\"No last name\"}");
        events.upserted(tenant.member(3), "{\"lastName\":\"Also good\"}");

        awaitQuiet();

        assertThat(tenant.contacts()).hasSize(2);
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED' "
                + "and error_code = 'REQUIRED_FIELD_MISSING' and admin_hint like '%LastName%'")).isEqualTo(1);
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'SUCCESS'")).isEqualTo(2);
    }

    @Test
    void lockedRowsAndOutagesAreRetriedUntilEveryMemberLandsExactlyOnce() {
        emulator.faults().seed(42).unableToLockRow(0.10);
        emulator.faults().serverUnavailableForNext(3);
        Map<String, String> batch = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            batch.put(tenant.member(i), "{\"lastName\":\"L" + i + "\",\"company\":\"Co " + (i % 7) + " " + tenant.id + "\"}");
        }
        events.upsertedBatch(batch);
        emulator.faults().expireAllSessions();

        awaitAllDone();

        List<StoredRecord> contacts = tenant.contacts();
        assertThat(contacts).hasSize(300);
        assertThat(contacts.stream().map(c -> c.get("MemberPulse_Id__c")).distinct()).hasSize(300);
        assertThat(tenant.count("select count(*) from member_link where tenant_id = ?")).isEqualTo(300);
    }

    @Test
    void aSecondChangeSendsOnlyWhatChanged() {
        events.upserted(tenant.member(1), "{\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}");
        awaitAllDone();
        emulator.callLog().reset();

        events.upserted(tenant.member(1), "{\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> tenant.count("select count(*) from sync_log where tenant_id = ? "
                + "and outcome = 'SKIPPED'") == 1);
        assertThat(emulator.callLog().count("collections.upsert")).isZero();
    }

    @Test
    void aConnectionToAnotherOrgSendsEverythingAgainThere() {
        String data = "{\"lastName\":\"Moved\",\"company\":\"Old Co " + tenant.id + "\"}";
        events.upserted(tenant.member(1), data);
        awaitAllDone();
        assertThat(tenant.contacts()).hasSize(1);

        io.memberpulse.salesforce.emulator.EmulatedOrg other = emulator.createOrg("other-" + tenant.id, "other-secret");
        io.memberpulse.salesforce.support.Api.as(tenant.admin).body(Map.of("environment", "PRODUCTION",
                "consumerKey", "other-" + tenant.id, "consumerSecret", "other-secret",
                "myDomainUrl", emulator.baseUrl(), "autoSync", true))
                .put(io.memberpulse.salesforce.support.Api.connectionPath(tenant.id)).then().statusCode(200);
        events.upserted(tenant.member(1), data);
        awaitAllDone();

        // The same values were written to the old org, but the new org had never seen them.
        assertThat(other.records("Contact")).singleElement().satisfies(contact -> {
            assertThat(contact.get("LastName")).isEqualTo("Moved");
            assertThat(other.record((String) contact.get("AccountId")).get("Name")).isEqualTo("Old Co " + tenant.id);
        });
    }

    private void awaitAllDone() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> tenant.count("select count(*) from member_event where tenant_id = ? and planned_at is null") == 0
                        && tenant.count("select count(*) from outbox_item where tenant_id = ? and status <> 'DONE'") == 0);
    }
}
