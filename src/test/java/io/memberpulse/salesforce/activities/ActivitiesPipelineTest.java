package io.memberpulse.salesforce.activities;

import static io.memberpulse.salesforce.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activities, ticket updates and event/course events become Tasks on the member's Contact, once each. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class ActivitiesPipelineTest extends PipelineTestSupport {

    MemberEvents events;

    @BeforeEach
    void memberEvents() {
        events = new MemberEvents(database, tenant.id);
    }

    @Test
    void anActivityBecomesACompletedTaskOnTheContactAfterTheContactExists() {
        tenant.autoSync(false);
        String member = tenant.member(1);
        events.upserted(member, "{\"lastName\":\"Lovelace\"}");
        events.store("activity.logged", member, "{\"name\":\"Webinar watched\",\"description\":\"Intro to Java\","
                + "\"date\":\"2026-03-01\",\"url\":\"https://app.memberpulse.io/a/1\"}", Instant.now());
        awaitPlanned();
        tenant.autoSync(true);
        awaitQuiet();

        StoredRecord task = single(tasks(member));
        assertThat(task.get("WhoId")).isEqualTo(tenant.contact(member).id());
        assertThat(task.get("Subject")).isEqualTo("MemberPulse: Webinar watched");
        assertThat(task.get("Status")).isEqualTo("Completed");
        assertThat(String.valueOf(task.get("ActivityDate"))).isEqualTo("2026-03-01");
        assertThat(String.valueOf(task.get("Description"))).contains("Intro to Java", "https://app.memberpulse.io/a/1");
        assertThat(emulator.callLog().count("collections.upsert")).as("Contact call, then Task call").isEqualTo(2);
    }

    @Test
    void aRetriedActivityMakesNoSecondTask() throws SQLException {
        String member = tenant.member(2);
        events.upserted(member, "{\"lastName\":\"Retry\"}");
        events.store("activity.logged", member, "{\"name\":\"Login\",\"date\":\"2026-03-02\"}", Instant.now());
        awaitQuiet();
        assertThat(tasks(member)).hasSize(1);

        // As if the replica died after Salesforce wrote the Task but before the outcome was recorded.
        execute("update outbox_item set status = 'PENDING', next_attempt_at = now() where tenant_id = ? "
                + "and operation = 'TASK_UPSERT'");
        execute("select pg_notify('memberpulse_outbox', ?)");
        await().atMost(Duration.ofSeconds(30)).until(() -> tenant.count("select count(*) from sync_log where tenant_id = ? "
                + "and operation = 'TASK_UPSERT' and outcome = 'SUCCESS'") == 2);

        assertThat(tasks(member)).hasSize(1);
    }

    @Test
    void aResentTicketEventMakesNoSecondTaskAndEachStatusChangeMakesOne() {
        String member = tenant.member(3);
        events.upserted(member, "{\"lastName\":\"Ticket\"}");
        String open = "{\"ticketNumber\":\"T-1001\",\"status\":\"open\",\"url\":\"https://app.memberpulse.io/t/1001\","
                + "\"subject\":\"Cannot log in\"}";
        events.store("ticket.updated", member, open, Instant.now());
        awaitQuiet();
        events.store("ticket.updated", member, open, Instant.now());
        awaitQuiet();
        assertThat(tasks(member)).hasSize(1);

        events.store("ticket.updated", member, open.replace("open", "closed"), Instant.now());
        awaitQuiet();

        List<String> subjects = tasks(member).stream().map(t -> String.valueOf(t.get("Subject"))).sorted()
                .collect(Collectors.toList());
        assertThat(subjects).containsExactly("MemberPulse: Ticket T-1001: closed - Cannot log in",
                "MemberPulse: Ticket T-1001: open - Cannot log in");
        assertThat(tasks(member)).allSatisfy(t -> assertThat(String.valueOf(t.get("Description")))
                .contains("T-1001", "https://app.memberpulse.io/t/1001"));
    }

    @Test
    void settingsSwitchTicketTasksOffAndEventTasksOnWithAPrefix() {
        as(tenant.admin).body(Map.of("ticketTasks", false, "eventTasks", true, "subjectPrefix", "[MP] "))
                .put(path()).then().statusCode(201)
                .body("ticketTasks", equalTo(false)).body("validatedAgainstOrg", equalTo(true));
        String member = tenant.member(4);
        events.upserted(member, "{\"lastName\":\"Events\"}");
        events.store("ticket.updated", member, "{\"ticketNumber\":\"T-9\",\"status\":\"open\","
                + "\"url\":\"https://app.memberpulse.io/t/9\"}", Instant.now());
        events.store("event.registered", member, "{\"eventId\":\"ev-1\",\"name\":\"Gala\",\"date\":\"2026-05-01\"}",
                Instant.now());
        awaitQuiet();

        StoredRecord task = single(tasks(member));
        assertThat(task.get("Subject")).isEqualTo("[MP] Registered for Gala");
        assertThat(String.valueOf(task.get("ActivityDate"))).isEqualTo("2026-05-01");
    }

    @Test
    void anActivityOfAMemberWithoutContactFailsWithAHintAndIsRetryableFromTheSyncLog() {
        String member = tenant.member(5);
        events.store("activity.logged", member, "{\"name\":\"Orphan\",\"date\":\"2026-03-02\"}", Instant.now());
        awaitQuiet();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and operation = 'TASK_UPSERT' "
                + "and outcome = 'FAILED' and error_code = 'NO_CONTACT' and admin_hint like '%retry%'")).isEqualTo(1);
        long entry = tenant.count("select max(id) from sync_log where tenant_id = ? and error_code = 'NO_CONTACT'");

        events.upserted(member, "{\"lastName\":\"Found\"}");
        awaitQuiet();
        as(tenant.admin).post("/api/v1/tenants/" + tenant.id + "/salesforce/sync-log/" + entry + "/retry")
                .then().statusCode(202);
        awaitQuiet();

        assertThat(single(tasks(member)).get("Subject")).isEqualTo("MemberPulse: Orphan");
    }

    @Test
    void settingsAreValidatedAndCheckedAgainstTheOrg() {
        as(tenant.admin).get(path()).then().statusCode(200)
                .body("subjectPrefix", equalTo("MemberPulse: ")).body("customized", equalTo(false))
                .body("externalIdField", equalTo("MemberPulse_Activity_Id__c"));
        as(tenant.admin).body(Map.of("subjectPrefix", "x".repeat(41), "externalIdField", "bad name"))
                .put(path()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("subjectPrefix", "externalIdField"));
        as(tenant.admin).body(Map.of("externalIdField", "Missing_Id__c"))
                .put(path()).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalIdField"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Task.Missing_Id__c does not exist"));
        as(io.memberpulse.salesforce.support.TestTokens.viewer(tenant.id)).body(Map.of()).put(path()).then().statusCode(403);
        as(tenant.admin).get(path()).then().statusCode(200).body("customized", equalTo(false));
    }

    private StoredRecord single(List<StoredRecord> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<StoredRecord> tasks(String member) {
        String contactId = tenant.contact(member).id();
        return emulator.defaultOrg().records("Task").stream().filter(t -> contactId.equals(t.get("WhoId")))
                .collect(Collectors.toList());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenant.id);
            statement.execute();
        }
    }

    private String path() {
        return settingsPath("activity-settings");
    }
}
