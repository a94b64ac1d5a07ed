package io.memberpulse.salesforce.tags;

import static io.memberpulse.salesforce.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.emulator.DefaultSchema;
import io.memberpulse.salesforce.emulator.OrgSchema;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.Api;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags from member events land in the Contact picklist or the tag object, as deltas. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class TagsPipelineTest extends PipelineTestSupport {

    MemberEvents events;

    @BeforeEach
    void memberEvents() {
        events = new MemberEvents(database, tenant.id);
    }

    @Test
    void aPicklistValueMemberPulseDoesNotOwnSurvivesATagChange() {
        String member = tenant.member(1);
        events.upserted(member, "{\"lastName\":\"Lovelace\",\"membershipStatus\":\"active\"}");
        awaitQuiet();
        StoredRecord contact = tenant.contact(member);
        assertThat(tags(contact)).containsExactly("member-active");

        // An admin adds a value of their own in Salesforce after MemberPulse's write.
        emulator.defaultOrg().userUpdate("Contact", contact.id(), Map.of("MemberPulse_Tags__c", "member-active;VIP"));
        emulator.callLog().reset();
        events.store("membership.status_changed", member, "{\"status\":\"expired\"}", Instant.now());
        awaitQuiet();

        assertThat(tags(tenant.contact(member))).containsExactlyInAnyOrder("VIP", "member-expired");
        // The default baseline (OBSERVED) without a change event stream to keep it current: read first.
        assertThat(emulator.callLog().count("query")).isEqualTo(1);
    }

    @Test
    void anOwnedTagRemovedInSalesforceIsWrittenAgainWhenMemberPulseSetsIt() {
        String member = tenant.member(7);
        events.upserted(member, "{\"lastName\":\"Back\",\"membershipStatus\":\"active\"}");
        awaitQuiet();
        Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("MemberPulse_Tags__c", null);
        emulator.defaultOrg().userUpdate("Contact", tenant.contact(member).id(), cleared);

        events.store("membership.status_changed", member, "{\"status\":\"active\"}", Instant.now());
        awaitQuiet();

        // The new value equals what MemberPulse last wrote, but not what Salesforce holds: the read decides.
        assertThat(tags(tenant.contact(member))).containsExactly("member-active");
    }

    @Test
    void statusTagsAreExclusiveAndChangesInOneBatchMakeOneWrite() {
        String member = tenant.member(2);
        events.upserted(member, "{\"lastName\":\"Hopper\"}");
        awaitQuiet();
        tenant.autoSync(false);
        Instant now = Instant.now();
        events.store("membership.status_changed", member, "{\"status\":\"active\"}", now.minusSeconds(3));
        events.store("event.registered", member, "{\"eventId\":\"EV-2026/Gala\",\"name\":\"Gala\"}", now.minusSeconds(2));
        events.store("membership.status_changed", member, "{\"status\":\"downgrade_scheduled\"}", now.minusSeconds(1));
        awaitPlanned();
        emulator.callLog().reset();
        tenant.autoSync(true);
        awaitQuiet();

        assertThat(tags(tenant.contact(member)))
                .containsExactlyInAnyOrder("member-downgrade-scheduled", "event-registered-ev-2026-gala");
        assertThat(emulator.callLog().count("collections.upsert")).isEqualTo(1);

        events.store("event.attended", member, "{\"eventId\":\"EV-2026/Gala\"}", Instant.now());
        awaitQuiet();
        assertThat(tags(tenant.contact(member)))
                .containsExactlyInAnyOrder("member-downgrade-scheduled", "event-attended");
    }

    @Test
    void aPicklistOverItsLimitFailsWithAClearSyncLogEntry() {
        String member = tenant.member(3);
        events.upserted(member, "{\"lastName\":\"Full\"}");
        awaitQuiet();
        String hundred = IntStream.range(0, 100).mapToObj(i -> "v" + i).collect(Collectors.joining(";"));
        emulator.defaultOrg().userUpdate("Contact", tenant.contact(member).id(), Map.of("MemberPulse_Tags__c", hundred));

        events.store("course.enrolled", member, "{\"courseId\":\"c-1\"}", Instant.now());
        awaitQuiet();

        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED' "
                + "and error_code = 'TAG_LIMIT_EXCEEDED' and error_message like '%101 values%' "
                + "and admin_hint like '%/tag-settings%'")).isEqualTo(1);
        assertThat(tags(tenant.contact(member))).hasSize(100).doesNotContain("course-enrolled");
    }

    @Test
    void aMissingPicklistInTheOrgIsNamedInTheSyncLogWithTheFix() {
        String clientId = "no-tags-" + tenant.id;
        emulator.createOrg(clientId, "secret", TagsPipelineTest::schemaWithoutTagField);
        as(tenant.admin).body(Map.of("environment", "PRODUCTION", "consumerKey", clientId, "consumerSecret", "secret",
                "myDomainUrl", emulator.baseUrl(), "autoSync", true))
                .put(Api.connectionPath(tenant.id)).then().statusCode(200);

        events.upserted(tenant.member(4), "{\"lastName\":\"NoField\",\"membershipStatus\":\"active\"}");
        awaitQuiet();

        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED' "
                + "and error_code = 'INVALID_FIELD' and admin_hint like '%create it as a multi-select picklist%' "
                + "and admin_hint like '%MemberPulse_Tags__c%'")).isEqualTo(1);
    }

    @Test
    void theCustomObjectTargetAddsAndRemovesOneRecordPerTag() {
        as(tenant.admin).body(Map.of("target", "CUSTOM_OBJECT"))
                .put(path()).then().statusCode(201)
                .body("target", equalTo("CUSTOM_OBJECT")).body("validatedAgainstOrg", equalTo(true));
        String member = tenant.member(5);
        events.upserted(member, "{\"lastName\":\"Curie\",\"membershipStatus\":\"active\"}");
        events.store("course.completed", member, "{\"courseId\":\"c-9\"}", Instant.now());
        awaitQuiet();
        String contactId = tenant.contact(member).id();
        assertThat(tagRecords(member)).containsExactlyInAnyOrder(member + ":member-active", member + ":course-completed");
        assertThat(tenant.contact(member).get("MemberPulse_Tags__c")).isNull();
        assertThat(emulator.defaultOrg().records("MemberPulse_Tag__c").stream()
                .filter(r -> String.valueOf(r.get("MemberPulse_Tag_Id__c")).startsWith(member + ":"))
                .map(r -> r.get("MemberPulse_Contact__c"))).containsOnly(contactId);

        events.store("membership.status_changed", member, "{\"status\":\"expired\"}", Instant.now());
        awaitQuiet();

        assertThat(tagRecords(member)).containsExactlyInAnyOrder(member + ":member-expired", member + ":course-completed");
        assertThat(emulator.callLog().count("collections.delete")).isEqualTo(1);
    }

    @Test
    void aDeletedMemberKeepsItsTagsUnderIgnoreAndLosesOnlyOwnedOnesUnderClearStatus() {
        String kept = tenant.member(20);
        String cleared = tenant.member(21);
        for (String member : List.of(kept, cleared)) {
            events.upserted(member, "{\"lastName\":\"Gone\",\"membershipStatus\":\"active\"}");
            events.store("event.registered", member, "{\"eventId\":\"gala\"}", Instant.now());
            events.store("course.completed", member, "{\"courseId\":\"c-1\"}", Instant.now());
        }
        awaitQuiet();
        emulator.defaultOrg().userUpdate("Contact", tenant.contact(cleared).id(),
                Map.of("MemberPulse_Tags__c", "member-active;event-registered-gala;course-completed;VIP"));

        events.store("member.deleted", kept, "{}", Instant.now());
        awaitQuiet();
        assertThat(tags(tenant.contact(kept)))
                .containsExactlyInAnyOrder("member-active", "event-registered-gala", "course-completed");

        clearStatusOnDelete();
        events.store("event.registered", cleared, "{\"eventId\":\"ball\"}", Instant.now().minusSeconds(1));
        events.store("member.deleted", cleared, "{}", Instant.now());
        awaitQuiet();
        assertThat(tags(tenant.contact(cleared))).containsExactly("VIP");
        assertThat(tenant.contact(cleared).get("MemberPulse_Membership_Status__c")).isNull();
    }

    @Test
    void aDeletedMembersTagRecordsAreDeletedUnderClearStatus() {
        as(tenant.admin).body(Map.of("target", "CUSTOM_OBJECT")).put(path()).then().statusCode(201);
        clearStatusOnDelete();
        String member = tenant.member(22);
        events.upserted(member, "{\"lastName\":\"Rec\",\"membershipStatus\":\"active\"}");
        events.store("event.registered", member, "{\"eventId\":\"gala\"}", Instant.now());
        events.store("event.registered", member, "{\"eventId\":\"ball\"}", Instant.now());
        awaitQuiet();
        assertThat(tagRecords(member)).containsExactlyInAnyOrder(member + ":member-active",
                member + ":event-registered-gala", member + ":event-registered-ball");

        events.store("member.deleted", member, "{}", Instant.now());
        awaitQuiet();

        assertThat(tagRecords(member)).isEmpty();
        assertThat(tenant.count("select count(*) from tag_record where tenant_id = ?")).isZero();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and operation = 'TAG_RECORD' "
                + "and outcome = 'SKIPPED'")).as("tags it never had: no call, no log line").isZero();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED'")).isZero();
    }

    @Test
    void trustingTheLastWrittenValueSavesTheRead() {
        as(tenant.admin).body(Map.of("picklistBaseline", "LAST_WRITTEN")).put(path()).then().statusCode(201);
        String member = tenant.member(6);
        events.upserted(member, "{\"lastName\":\"Known\",\"membershipStatus\":\"active\"}");
        awaitQuiet();
        long queries = emulator.callLog().count("query");
        assertThat(queries).as("never written: read once").isEqualTo(1);

        events.store("membership.status_changed", member, "{\"status\":\"expiring\"}", Instant.now());
        awaitQuiet();

        assertThat(tags(tenant.contact(member))).containsExactly("member-expiring");
        assertThat(emulator.callLog().count("query")).isEqualTo(queries);
    }

    @Test
    void backfilledMembersGetTheirStatusTag() {
        java.util.List<Map<String, Object>> members = IntStream.range(10, 13)
                .mapToObj(i -> Map.<String, Object>of("memberId", tenant.member(i), "lastName", "B" + i,
                        "membershipStatus", "expired"))
                .collect(Collectors.toList());
        as(tenant.admin).body(Map.of("members", members, "more", false))
                .post("/api/v1/tenants/" + tenant.id + "/salesforce/backfill").then().statusCode(202);
        awaitQuiet();
        await().atMost(Duration.ofSeconds(30)).until(() -> tenant.contacts().size() == 3);

        assertThat(tenant.contacts()).allSatisfy(contact -> assertThat(tags(contact)).containsExactly("member-expired"));
    }

    @Test
    void tagSettingsAreValidatedAndCheckedAgainstTheOrg() {
        as(tenant.admin).get(path()).then().statusCode(200)
                .body("target", equalTo("PICKLIST")).body("picklistField", equalTo("MemberPulse_Tags__c"))
                .body("picklistBaseline", equalTo("OBSERVED")).body("customized", equalTo(false));
        as(tenant.admin).body(Map.of("target", "CHECKBOXES", "picklistField", "Tags;__c"))
                .put(path()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("target", "picklistField"));
        as(tenant.admin).body(Map.of("picklistField", "Email"))
                .put(path()).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("picklistField"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("must be multipicklist"));
        as(tenant.admin).body(Map.of("target", "CUSTOM_OBJECT", "objectName", "Nope__c"))
                .put(path()).then().statusCode(422)
                .body("errors[0].field", equalTo("objectName"));
        as(io.memberpulse.salesforce.support.TestTokens.viewer(tenant.id)).body(Map.of())
                .put(path()).then().statusCode(403);
        as(io.memberpulse.salesforce.support.TestTokens.viewer(tenant.id)).get(path()).then().statusCode(200)
                .body("customized", equalTo(false));
    }

    private void clearStatusOnDelete() {
        String mappings = "/api/v1/tenants/" + tenant.id + "/salesforce/field-mappings";
        Map<String, Object> mapping = new java.util.LinkedHashMap<>(as(tenant.admin).get(mappings).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        mapping.keySet().retainAll(List.of("externalIdField", "membershipStatusField", "apiBudgetShare", "fields"));
        mapping.put("deletedMemberPolicy", "clear_status");
        as(tenant.admin).body(mapping).put(mappings).then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    private static OrgSchema schemaWithoutTagField() {
        OrgSchema schema = DefaultSchema.create();
        schema.find("Contact").orElseThrow().removeField("MemberPulse_Tags__c");
        return schema;
    }

    private Set<String> tagRecords(String member) {
        return emulator.defaultOrg().records("MemberPulse_Tag__c").stream()
                .map(r -> String.valueOf(r.get("MemberPulse_Tag_Id__c")))
                .filter(id -> id.startsWith(member + ":"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> tags(StoredRecord contact) {
        Object value = contact.get("MemberPulse_Tags__c");
        return value == null ? Set.of() : Arrays.stream(value.toString().split(";")).map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String path() {
        return settingsPath("tag-settings");
    }
}
