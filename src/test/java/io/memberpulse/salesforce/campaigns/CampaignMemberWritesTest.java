package io.memberpulse.salesforce.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.campaigns.CampaignMemberOutcome.Result;
import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.RecordError;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CampaignMember writes against the emulator: idempotent, batched, few calls. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class CampaignMemberWritesTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    CampaignMemberWrites writes;

    OrgCredentials org;
    EmulatedOrg sf;
    String campaign;

    @BeforeEach
    void org() {
        org = OrgCredentials.clientCredentials(TestTokens.newTenantId(), emulator.baseUrl(),
                SalesforceEmulator.DEFAULT_CLIENT_ID, SalesforceEmulator.DEFAULT_CLIENT_SECRET);
        sf = emulator.defaultOrg();
        campaign = sf.seedCampaign("Writes " + org.tenantId(), "Sent", "Registered", "Attended");
    }

    @Test
    void anAlreadyMemberContactGetsItsStatusUpdatedNotAnError() {
        String known = contact("known");
        String fresh = contact("fresh");
        String member = sf.seed("CampaignMember", Map.of("CampaignId", campaign, "ContactId", known, "Status", "Sent"));
        emulator.callLog().reset();

        List<CampaignMemberOutcome> outcomes = apply(List.of(
                CampaignMembership.join("a", campaign, known, "Registered"),
                CampaignMembership.join("b", campaign, fresh, "Registered")));

        assertThat(outcomes).extracting(CampaignMemberOutcome::result).containsExactly(Result.UPDATED, Result.CREATED);
        assertThat(outcomes.get(0).campaignMemberId()).isEqualTo(member);
        assertThat(sf.record(member).get("Status")).isEqualTo("Registered");
        assertThat(membersOf(campaign)).hasSize(2);
        assertThat(emulator.callLog().count("query")).isEqualTo(1);
        assertThat(emulator.callLog().count("collections.create")).isEqualTo(1);
        assertThat(emulator.callLog().count("collections.update")).isEqualTo(1);

        emulator.callLog().reset();
        List<CampaignMemberOutcome> again = apply(List.of(
                CampaignMembership.join("a", campaign, known, "Registered"),
                CampaignMembership.join("b", campaign, fresh, "Registered")));
        assertThat(again).extracting(CampaignMemberOutcome::result).containsExactly(Result.UNCHANGED, Result.UNCHANGED);
        assertThat(emulator.callLog().calls()).extracting(c -> c.kind()).containsExactly("query");
        assertThat(membersOf(campaign)).hasSize(2);
    }

    @Test
    void leadsJoinToo_AndLeavingDeletesOrMarks() {
        String lead = sf.seed("Lead", Map.of("LastName", "Lead", "Company", "Acme"));
        String contact = contact("leaver");
        String marked = contact("marked");
        sf.seed("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact, "Status", "Sent"));
        String markedMember = sf.seed("CampaignMember", Map.of("CampaignId", campaign, "ContactId", marked,
                "Status", "Sent"));
        String nobody = contact("nobody");

        List<CampaignMemberOutcome> outcomes = apply(List.of(
                CampaignMembership.join("l", campaign, lead, "Attended"),
                CampaignMembership.leave("c", campaign, contact),
                CampaignMembership.mark("m", campaign, marked, "Attended"),
                CampaignMembership.mark("n", campaign, nobody, "Attended"),
                CampaignMembership.leave("x", campaign, nobody)));

        assertThat(outcomes).extracting(CampaignMemberOutcome::result)
                .containsExactly(Result.CREATED, Result.DELETED, Result.UPDATED, Result.ABSENT, Result.ABSENT);
        assertThat(membersOf(campaign)).extracting(r -> r.get("LeadId") != null ? r.get("LeadId") : r.get("ContactId"))
                .containsExactlyInAnyOrder(lead, marked);
        assertThat(sf.record(markedMember).get("Status")).isEqualTo("Attended");
    }

    @Test
    void aCreateRefusedAsDuplicateIsLookedUpAgainNotReportedAsFailure() {
        String person = contact("racer");
        List<CampaignMembership> wanted = List.of(CampaignMembership.join("r", campaign, person, "Registered"));
        // The lookup missed the member (someone added the person just after it): the create meets DUPLICATE_VALUE.
        CampaignMemberPlan plan = CampaignMemberPlan.of(wanted, CampaignMemberIndex.of(List.of()));
        assertThat(plan.creates()).hasSize(1);
        plan.created(List.of(new RecordResult(null, false, null,
                List.of(new RecordError("DUPLICATE_VALUE", "Already a campaign member.", List.of())))));
        assertThat(plan.duplicates()).containsExactlyElementsOf(wanted);

        // The second pass that follows finds the member and updates it.
        String existing = sf.seed("CampaignMember", Map.of("CampaignId", campaign, "ContactId", person,
                "Status", "Sent"));
        List<CampaignMemberOutcome> outcomes = apply(wanted);
        assertThat(outcomes.get(0).result()).isEqualTo(Result.UPDATED);
        assertThat(sf.record(existing).get("Status")).isEqualTo("Registered");
    }

    @Test
    void manyMembershipsGoInBatchesOf200() {
        List<CampaignMembership> wanted = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            wanted.add(CampaignMembership.join("k" + i, campaign, contact("bulk" + i), "Sent"));
        }
        emulator.callLog().reset();

        List<CampaignMemberOutcome> outcomes = apply(wanted);

        assertThat(outcomes).allMatch(o -> o.result() == Result.CREATED);
        assertThat(membersOf(campaign)).hasSize(450);
        assertThat(emulator.callLog().batchSizes("collections.create")).containsExactly(200, 200, 50);
        assertThat(emulator.callLog().count("query")).isEqualTo(3);
    }

    private List<CampaignMemberOutcome> apply(List<CampaignMembership> wanted) {
        return writes.apply(org, wanted).await().atMost(Duration.ofSeconds(30));
    }

    private String contact(String name) {
        return sf.seed("Contact", Map.of("LastName", name + "-" + org.tenantId()));
    }

    private List<StoredRecord> membersOf(String campaignId) {
        return sf.records("CampaignMember").stream().filter(m -> campaignId.equals(m.get("CampaignId"))).toList();
    }
}
