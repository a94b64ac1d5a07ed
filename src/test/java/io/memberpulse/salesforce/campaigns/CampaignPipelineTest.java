package io.memberpulse.salesforce.campaigns;

import static io.memberpulse.salesforce.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.PostedEvents;
import io.memberpulse.salesforce.support.PipelineTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaign rules end to end: POST /events -> planner -> outbox -> CampaignMember writes in the emulator. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class CampaignPipelineTest extends PipelineTestSupport {

    PostedEvents events;
    EmulatedOrg org;
    String conference;
    String renewals;

    @BeforeEach
    void rules() {
        events = new PostedEvents(tenant.id);
        org = emulator.defaultOrg();
        conference = org.seedCampaign("Conference " + tenant.id, "Invited", "Registered", "Attended");
        renewals = org.seedCampaign("Renewals " + tenant.id);
        as(tenant.admin).body(Map.of("rules", List.of(
                Map.of("eventType", "event.registered", "itemId", "conf-2026", "campaignId", conference,
                        "memberStatus", "Registered"),
                Map.of("eventType", "event.attended", "itemId", "conf-2026", "campaignId", conference,
                        "memberStatus", "Attended"),
                Map.of("eventType", "membership.status_changed", "membershipStatus", "expiring",
                        "campaignId", renewals, "memberStatus", "Sent"))))
                .put("/api/v1/tenants/" + tenant.id + "/salesforce/campaign-rules").then().statusCode(201);
    }

    @Test
    void anAlreadyMemberContactHasItsStatusUpdatedWithoutAnError() {
        String member = tenant.member(1);
        events.post("member.upserted", member, Map.of("email", member + "@example.org", "lastName", "One"));
        awaitQuiet();
        String contact = tenant.contact(member).id();
        String existing = org.seed("CampaignMember", Map.of("CampaignId", conference, "ContactId", contact,
                "Status", "Invited"));

        events.post("event.registered", member, Map.of("eventId", "conf-2026", "name", "Conference"));
        events.post("event.registered", member, Map.of("eventId", "other-event", "name", "Other"));
        awaitQuiet();

        assertThat(membersOf(conference)).extracting(StoredRecord::id).containsExactly(existing);
        assertThat(org.record(existing).get("Status")).isEqualTo("Registered");
        assertThat(failures()).isZero();
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and operation = 'CAMPAIGN_MEMBER' "
                + "and outcome = 'SUCCESS'")).isEqualTo(1);

        events.post("event.attended", member, Map.of("eventId", "conf-2026", "name", "Conference"));
        awaitQuiet();
        assertThat(org.record(existing).get("Status")).isEqualTo("Attended");
        assertThat(membersOf(conference)).hasSize(1);
    }

    @Test
    void newMembersJoinInOneBatch_AndOnlyTheMatchingStatusFires() {
        for (int i = 0; i < 30; i++) {
            events.post("member.upserted", tenant.member(i), Map.of("email", "c" + i + "@example.org",
                    "lastName", "M" + i));
        }
        awaitQuiet();
        emulator.callLog().reset();
        Instant at = Instant.now();
        for (int i = 0; i < 30; i++) {
            events.post("membership.status_changed", tenant.member(i), Map.of("status", i % 3 == 0 ? "expired"
                    : "expiring"), at);
        }
        awaitQuiet();

        assertThat(membersOf(renewals)).hasSize(20).allMatch(m -> "Sent".equals(m.get("Status")));
        assertThat(failures()).isZero();
        // Each member's CampaignMember is created once, in Collections batches, never one call per member.
        assertThat(emulator.callLog().batchSizes("collections.create").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(20);
        assertThat(emulator.callLog().count("collections.create")).isLessThan(20);
        assertThat(emulator.callLog().countPrefix("sobject.")).isZero();
    }

    @Test
    void tagsAsCampaignMembershipJoinAndLeaveWithTheTag() {
        String active = org.seedCampaign("Active members " + tenant.id);
        String attendees = org.seedCampaign("Attendees " + tenant.id, "Attended", "Lapsed");
        as(tenant.admin).body(Map.of("target", "CAMPAIGN")).put("/api/v1/tenants/" + tenant.id
                + "/salesforce/tag-settings").then().statusCode(201);
        as(tenant.admin).body(Map.of("rules", List.of(), "tagCampaigns", List.of(
                Map.of("tag", "member-active", "campaignId", active, "memberStatus", "Sent"),
                Map.of("tag", "event-attended", "campaignId", attendees, "memberStatus", "Attended",
                        "removedStatus", "Lapsed"))))
                .put("/api/v1/tenants/" + tenant.id + "/salesforce/campaign-rules").then().statusCode(200);
        String member = tenant.member(7);
        events.post("member.upserted", member, Map.of("email", member + "@example.org", "lastName", "Seven"));
        events.post("membership.status_changed", member, Map.of("status", "active"));
        events.post("event.attended", member, Map.of("eventId", "gala", "name", "Gala"));
        awaitQuiet();
        String contact = tenant.contact(member).id();
        assertThat(membersOf(active)).singleElement().matches(m -> contact.equals(m.get("ContactId")));
        assertThat(membersOf(attendees)).singleElement().matches(m -> "Attended".equals(m.get("Status")));

        events.post("membership.status_changed", member, Map.of("status", "expired"));
        awaitQuiet();
        assertThat(membersOf(active)).isEmpty();
        assertThat(membersOf(attendees)).hasSize(1);
        assertThat(failures()).isZero();
        assertThat(tenant.contact(member).get("MemberPulse_Tags__c")).isNull();
    }

    @Test
    void aDeletedMemberLeavesItsTagCampaignsUnderClearStatus() {
        String active = org.seedCampaign("Active members " + tenant.id);
        String gala = org.seedCampaign("Gala guests " + tenant.id);
        as(tenant.admin).body(Map.of("target", "CAMPAIGN")).put("/api/v1/tenants/" + tenant.id
                + "/salesforce/tag-settings").then().statusCode(201);
        as(tenant.admin).body(Map.of("rules", List.of(), "tagCampaigns", List.of(
                Map.of("tag", "member-active", "campaignId", active, "memberStatus", "Sent"),
                Map.of("tag", "event-registered-gala", "campaignId", gala, "memberStatus", "Sent"))))
                .put("/api/v1/tenants/" + tenant.id + "/salesforce/campaign-rules").then().statusCode(200);
        String member = tenant.member(8);
        events.post("member.upserted", member, Map.of("email", member + "@example.org", "lastName", "Eight"));
        events.post("membership.status_changed", member, Map.of("status", "active"));
        events.post("event.registered", member, Map.of("eventId", "gala", "name", "Gala"));
        awaitQuiet();
        assertThat(membersOf(active)).hasSize(1);
        assertThat(membersOf(gala)).hasSize(1);

        String mappings = "/api/v1/tenants/" + tenant.id + "/salesforce/field-mappings";
        Map<String, Object> mapping = new java.util.LinkedHashMap<>(as(tenant.admin).get(mappings).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        mapping.keySet().retainAll(List.of("externalIdField", "membershipStatusField", "apiBudgetShare", "fields"));
        mapping.put("deletedMemberPolicy", "clear_status");
        as(tenant.admin).body(mapping).put(mappings).then().statusCode(201);
        events.post("member.deleted", member, Map.of());
        awaitQuiet();

        assertThat(membersOf(active)).isEmpty();
        assertThat(membersOf(gala)).isEmpty();
        assertThat(failures()).isZero();
    }

    private List<StoredRecord> membersOf(String campaignId) {
        return org.records("CampaignMember").stream().filter(m -> campaignId.equals(m.get("CampaignId"))).toList();
    }

    private long failures() {
        return tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED'");
    }
}
