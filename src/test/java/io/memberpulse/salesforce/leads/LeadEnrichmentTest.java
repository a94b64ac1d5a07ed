package io.memberpulse.salesforce.leads;

import static io.memberpulse.salesforce.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.Field;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.PostedEvents;
import io.memberpulse.salesforce.support.TestTokens;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lead enrichment: a member matching a Lead is written onto it, and onto its Contact once converted. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class LeadEnrichmentTest extends PipelineTestSupport {

    PostedEvents events;
    EmulatedOrg org;

    @BeforeEach
    void memberEvents() {
        events = new PostedEvents(tenant.id);
        org = emulator.defaultOrg();
    }

    @Test
    void settingsDefaultToOffAndAreCheckedAgainstTheLeadObject() {
        as(TestTokens.viewer(tenant.id)).get(path()).then().statusCode(200)
                .body("settings.enabled", equalTo(false))
                .body("settings.scoreField", equalTo("MemberPulse_Engagement_Score__c"))
                .body("customized", equalTo(false));
        as(tenant.admin).body(Map.of("enabled", true, "scoreField", "Lead_Score__c")).put(path()).then()
                .statusCode(422).body("errors[0].field", equalTo("scoreField"));
        as(tenant.admin).body(Map.of("enabled", true, "tagsField", "Bad Name", "statusField", "Status__c",
                "memberSinceField", "Status__c")).put(path()).then()
                .statusCode(400).body("errors.field", contains("memberSinceField", "tagsField"));
        as(tenant.admin).body(Map.of("enabled", true)).put(path()).then().statusCode(201)
                .body("validatedAgainstOrg", equalTo(true));
        as(TestTokens.viewer(tenant.id)).body(Map.of("enabled", false)).put(path()).then().statusCode(403);
    }

    @Test
    void aLeadIsEnrichedThenConvertedThenTheContactReceivesLaterWrites() {
        as(tenant.admin).body(Map.of("enabled", true)).put(path()).then().statusCode(201);
        String member = tenant.member(1);
        String email = member + "@prospects.example";
        String lead = org.seed("Lead", Map.of("LastName", "Prospect", "Company", "Acme", "Email", email,
                "MemberPulse_Tags__c", "VIP"));

        events.post("member.upserted", member, Map.of("email", email, "lastName", "Prospect"));
        events.post("membership.status_changed", member, Map.of("status", "active"));
        events.post("event.attended", member, Map.of("eventId", "gala", "name", "Gala"));
        events.post("course.completed", member, Map.of("courseId", "c-101", "name", "Basics"));
        events.post("ticket.updated", member, Map.of("ticketNumber", tenant.id + "-T1", "status", "open",
                "url", "https://app.memberpulse.io/t/1"));
        awaitQuiet();

        assertThat(tenant.contacts()).isEmpty();
        StoredRecord enriched = org.record(lead);
        assertThat(enriched.get("MemberPulse_Membership_Status__c")).isEqualTo("active");
        assertThat(String.valueOf(enriched.get("MemberPulse_Member_Since__c")))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(((Number) enriched.get("MemberPulse_Engagement_Score__c")).intValue()).isEqualTo(25);
        assertThat(Arrays.asList(String.valueOf(enriched.get("MemberPulse_Tags__c")).split(";")))
                .containsExactlyInAnyOrder("VIP", "member-active", "event-attended", "course-completed");
        assertThat(enriched.get("MemberPulse_Id__c")).isEqualTo(member);
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and operation = 'CONTACT_UPSERT' "
                + "and outcome = 'SKIPPED' and error_code = 'DIVERTED'")).isPositive();
        assertThat(failures()).isZero();
        assertThat(task("tkt:" + tenant.id + "-T1:open").get("WhoId")).as("the ticket Task is on the Lead").isEqualTo(lead);

        String contact = org.convertLead(lead);
        events.post("membership.status_changed", member, Map.of("status", "expiring"));
        events.post("member.upserted", member, Map.of("phone", "+1 555 0100"));
        events.post("ticket.updated", member, Map.of("ticketNumber", tenant.id + "-T1", "status", "closed",
                "url", "https://app.memberpulse.io/t/1"));
        awaitQuiet();
        assertThat(task("tkt:" + tenant.id + "-T1:closed").get("WhoId")).as("after conversion: on the Contact").isEqualTo(contact);

        List<StoredRecord> contacts = tenant.contacts();
        assertThat(contacts).extracting(StoredRecord::id).containsExactly(contact);
        StoredRecord converted = org.record(contact);
        assertThat(converted.get("MemberPulse_Membership_Status__c")).isEqualTo("expiring");
        assertThat(converted.get("Phone")).isEqualTo("+1 555 0100");
        assertThat(org.record(lead).get("MemberPulse_Membership_Status__c")).isEqualTo("active");
        assertThat(tenant.count("select count(*) from member_link where tenant_id = ?")).isEqualTo(1);
        assertThat(tenant.count("select count(*) from lead_link where tenant_id = ? and converted_contact_id is "
                + "not null")).isEqualTo(1);
        assertThat(failures()).isZero();
    }

    @Test
    void withEnrichmentOffOrNoMatchingLeadMembersBecomeContacts() {
        String member = tenant.member(2);
        String email = member + "@prospects.example";
        org.seed("Lead", Map.of("LastName", "Prospect", "Company", "Acme", "Email", email));
        events.post("member.upserted", member, Map.of("email", email, "lastName", "Member"));
        awaitQuiet();
        assertThat(tenant.contacts()).hasSize(1);

        as(tenant.admin).body(Map.of("enabled", true)).put(path()).then().statusCode(201);
        String other = tenant.member(3);
        events.post("member.upserted", other, Map.of("email", other + "@nowhere.example", "lastName", "Other"));
        events.post("membership.status_changed", other, Map.of("status", "active"));
        awaitQuiet();
        assertThat(tenant.contacts()).hasSize(2);
        assertThat(tenant.contact(other).get("MemberPulse_Membership_Status__c")).isEqualTo("active");
        assertThat(failures()).isZero();
        // The Lead update planned for the member had nothing to do (it has a Contact): closed, not logged.
        assertThat(tenant.count("select count(*) from outbox_item where tenant_id = ? and operation = 'LEAD_UPDATE' "
                + "and status = 'DONE'")).isPositive();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and operation = 'LEAD_UPDATE'"))
                .isZero();
    }

    @Test
    void aLeadFieldMissingInTheOrgGivesASyncLogEntryNamingItAndTheFix() {
        as(tenant.admin).body(Map.of("enabled", true)).put(path()).then().statusCode(201);
        String member = tenant.member(4);
        String email = member + "@prospects.example";
        org.seed("Lead", Map.of("LastName", "Prospect", "Company", "Acme", "Email", email));
        org.type("Lead").removeField("MemberPulse_Engagement_Score__c");
        try {
            events.post("member.upserted", member, Map.of("email", email, "lastName", "Prospect"));
            events.post("membership.status_changed", member, Map.of("status", "active"));
            awaitQuiet();
        } finally {
            org.declareField("Lead", Field.number("MemberPulse_Engagement_Score__c"));
        }
        assertThat(tenant.contacts()).isEmpty();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and operation = 'LEAD_UPDATE' "
                + "and outcome = 'FAILED' and error_code = 'INVALID_FIELD' "
                + "and admin_hint like '%MemberPulse_Engagement_Score__c on Lead%PUT /lead-enrichment%'"))
                .isEqualTo(1);
    }

    /** The Task with this activity id (its external id). */
    private StoredRecord task(String activityId) {
        return org.records("Task").stream()
                .filter(t -> activityId.equals(t.get("MemberPulse_Activity_Id__c")))
                .findFirst().orElseThrow(() -> new AssertionError("no Task " + activityId));
    }

    private long failures() {
        return tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED'");
    }

    private String path() {
        return settingsPath("lead-enrichment");
    }
}
