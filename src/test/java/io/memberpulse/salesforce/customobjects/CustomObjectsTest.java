package io.memberpulse.salesforce.customobjects;

import static io.memberpulse.salesforce.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.PostedEvents;
import io.memberpulse.salesforce.support.TestTokens;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom object mappings: validated against describe, records upserted idempotently through the pipeline. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class CustomObjectsTest extends PipelineTestSupport {

    static final String REGISTRATION = "MemberPulse_Event_Registration__c";
    static final String MEMBERSHIP = "MemberPulse_Membership__c";

    PostedEvents events;
    EmulatedOrg org;

    @BeforeEach
    void memberEvents() {
        events = new PostedEvents(tenant.id);
        org = emulator.defaultOrg();
    }

    @AfterEach
    void restoreSchema() {
        org.reset();
    }

    @Test
    void mappingsAreCheckedAgainstDescribeAndEachBadFieldIsNamed() {
        Map<String, Object> missingObject = registration();
        missingObject.put("objectName", "Nope__c");
        Map<String, Object> badFields = membership();
        badFields.put("externalIdField", "Name");
        badFields.put("contactLookupField", "MemberPulse_Start_Date__c");
        fields(badFields).add(field("endDate", "MemberPulse_Shoe_Size__c"));

        as(tenant.admin).body(Map.of("mappings", List.of(missingObject, badFields))).put(path()).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("mappings[0].objectName", "mappings[1].externalIdField",
                        "mappings[1].contactLookupField", "mappings[1].fields[2].salesforceField"))
                .body("errors[1].message", containsString("not an External ID field"))
                .body("errors[2].message", containsString("not a lookup to Contact"))
                .body("errors[3].message", containsString("no field MemberPulse_Shoe_Size__c"));
        as(tenant.admin).get(path()).then().statusCode(200).body("customized", equalTo(false))
                .body("mappings", hasSize(0));

        as(tenant.admin).body(Map.of("mappings", List.of(registration(), membership()))).put(path()).then()
                .statusCode(201).body("validatedAgainstOrg", equalTo(true));
        as(TestTokens.viewer(tenant.id)).get(path()).then().statusCode(200).body("mappings", hasSize(2))
                .body("mappings[0].objectName", equalTo(REGISTRATION));
        as(TestTokens.viewer(tenant.id)).body(Map.of("mappings", List.of())).put(path()).then().statusCode(403);
    }

    @Test
    void badDocumentsAreRefusedWith400NamingEachField() {
        Map<String, Object> bad = registration();
        bad.put("recordType", "donation");
        bad.put("objectName", "Contact");
        fields(bad).add(field("status", "MemberPulse_Record_Id__c"));
        Map<String, Object> twice = membership();
        fields(twice).add(field("plan", "MemberPulse_Plan__c"));
        fields(twice).add(field("shoeSize", "X__c"));
        as(tenant.admin).body(Map.of("mappings", List.of(bad, twice, membership()))).put(path()).then()
                .statusCode(400)
                .body("errors.field", contains("mappings[0].recordType", "mappings[0].objectName",
                        "mappings[0].fields[4].memberPulseField", "mappings[0].fields[4].salesforceField",
                        "mappings[1].fields[2].memberPulseField", "mappings[1].fields[2].salesforceField",
                        "mappings[1].fields[3].memberPulseField", "mappings[2].recordType"))
                .body("errors[3].message", containsString("external id or Contact lookup field"))
                .body("errors[6].message", containsString("status, plan, startDate, endDate, changedAt"));
    }

    @Test
    void recordsAreUpsertedOncePerMemberPulseRecordAndLinkedToTheContact() {
        as(tenant.admin).body(Map.of("mappings", List.of(registration(), membership()))).put(path()).then()
                .statusCode(201);
        String member = tenant.member(1);
        events.post("member.upserted", member, Map.of("email", member + "@example.org", "lastName", "One"));
        events.post("event.registered", member, Map.of("eventId", "conf-1", "name", "Conference", "date",
                "2026-06-01"));
        events.post("membership.status_changed", member, Map.of("status", "active", "plan", "Gold"));
        awaitQuiet();
        events.post("event.attended", member, Map.of("eventId", "conf-1", "name", "Conference", "date",
                "2026-06-01"));
        events.post("event.registered", member, Map.of("eventId", "conf-2", "name", "Gala"));
        awaitQuiet();

        String contact = tenant.contact(member).id();
        List<StoredRecord> registrations = ofTenant(REGISTRATION);
        assertThat(registrations).hasSize(2);
        StoredRecord first = byExternalId(registrations, member + ":conf-1");
        assertThat(first.get("MemberPulse_Status__c")).isEqualTo("attended");
        assertThat(first.get("MemberPulse_Event_Name__c")).isEqualTo("Conference");
        assertThat(String.valueOf(first.get("MemberPulse_Event_Date__c"))).isEqualTo("2026-06-01");
        assertThat(first.get("MemberPulse_Contact__c")).isEqualTo(contact);
        List<StoredRecord> memberships = ofTenant(MEMBERSHIP);
        assertThat(memberships).hasSize(1);
        assertThat(memberships.get(0).get("MemberPulse_Record_Id__c")).isEqualTo(member);
        assertThat(memberships.get(0).get("MemberPulse_Plan__c")).isEqualTo("Gold");

        // The same MemberPulse facts sent again change nothing: still one record each.
        events.post("event.attended", member, Map.of("eventId", "conf-1", "name", "Conference"));
        events.post("membership.status_changed", member, Map.of("status", "expiring"));
        awaitQuiet();
        assertThat(ofTenant(REGISTRATION)).hasSize(2);
        assertThat(ofTenant(MEMBERSHIP)).hasSize(1)
                .allMatch(m -> "expiring".equals(m.get("MemberPulse_Status__c")) && "Gold".equals(m.get("MemberPulse_Plan__c")));
        assertThat(failures()).isEmpty();
    }

    @Test
    void aCustomFieldMissingInTheOrgGivesASyncLogEntryNamingItAndTheFix() {
        as(tenant.admin).body(Map.of("mappings", List.of(registration()))).put(path()).then().statusCode(201);
        org.type(REGISTRATION).removeField("MemberPulse_Event_Name__c");
        String member = tenant.member(2);
        events.post("member.upserted", member, Map.of("email", member + "@example.org", "lastName", "Two"));
        events.post("event.registered", member, Map.of("eventId", "conf-9", "name", "Conference"));
        awaitQuiet();

        List<String> failed = failures();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0)).contains("INVALID_FIELD")
                .contains("MemberPulse_Event_Registration__c.MemberPulse_Event_Name__c")
                .contains("create").contains("PUT /custom-object-mappings");
    }

    private List<StoredRecord> ofTenant(String object) {
        return org.records(object).stream()
                .filter(r -> String.valueOf(r.get("MemberPulse_Record_Id__c")).startsWith(tenant.id + "-")).toList();
    }

    private static StoredRecord byExternalId(List<StoredRecord> records, String id) {
        return records.stream().filter(r -> id.equals(r.get("MemberPulse_Record_Id__c"))).findFirst().orElseThrow();
    }

    /** error code, message and hint of each FAILED sync-log entry of the tenant. */
    private List<String> failures() {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select error_code || ' | ' || error_message || ' | ' || admin_hint from sync_log "
                        + "where tenant_id = ? and outcome = 'FAILED'")) {
            s.setString(1, tenant.id);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String path() {
        return settingsPath("custom-object-mappings");
    }

    static Map<String, Object> registration() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", "event_registration");
        m.put("objectName", REGISTRATION);
        m.put("externalIdField", "MemberPulse_Record_Id__c");
        m.put("contactLookupField", "MemberPulse_Contact__c");
        m.put("fields", new ArrayList<>(List.of(field("eventId", "MemberPulse_Event_Id__c"),
                field("eventName", "MemberPulse_Event_Name__c"), field("eventDate", "MemberPulse_Event_Date__c"),
                field("status", "MemberPulse_Status__c"))));
        return m;
    }

    static Map<String, Object> membership() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", "membership");
        m.put("objectName", MEMBERSHIP);
        m.put("externalIdField", "MemberPulse_Record_Id__c");
        m.put("contactLookupField", "MemberPulse_Contact__c");
        m.put("fields", new ArrayList<>(List.of(field("status", "MemberPulse_Status__c"),
                field("plan", "MemberPulse_Plan__c"))));
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fields(Map<String, Object> mapping) {
        return (List<Map<String, Object>>) mapping.get("fields");
    }

    static Map<String, Object> field(String memberPulseField, String salesforceField) {
        return Map.of("memberPulseField", memberPulseField, "salesforceField", salesforceField);
    }
}
