package io.memberpulse.salesforce.campaigns;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET|PUT /campaign-rules: roles, validation naming each field, and the check against the org. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class CampaignRulesResourceTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    ConnectedTenant tenant;
    String campaign;

    @BeforeEach
    void connectedTenant() {
        tenant = new ConnectedTenant(emulator, database, false);
        campaign = emulator.defaultOrg().seedCampaign("Conference " + tenant.id, "Invited", "Registered", "Attended");
    }

    @Test
    void defaultsAreNoRulesAndAViewerMayReadButNotWrite() {
        as(TestTokens.viewer(tenant.id)).get(path()).then().statusCode(200)
                .body("rules", hasSize(0)).body("tagCampaigns", hasSize(0)).body("customized", equalTo(false));
        as(TestTokens.viewer(tenant.id)).body(doc(rule("event.registered", campaign, "Registered")))
                .put(path()).then().statusCode(403);
        as(TestTokens.admin(TestTokens.newTenantId())).get(path()).then().statusCode(403);
    }

    @Test
    void rulesCheckedAgainstTheOrgAreStoredAndReadBack() {
        Map<String, Object> rule = rule("event.registered", campaign, "Registered");
        rule.put("itemId", "evt-42");
        Map<String, Object> status = rule("membership.status_changed", campaign, "Invited");
        status.put("membershipStatus", "expiring");
        Map<String, Object> doc = doc(rule, status);
        doc.put("tagCampaigns", List.of(Map.of("tag", "event-attended", "campaignId", campaign,
                "memberStatus", "Attended", "removedStatus", "Registered")));

        as(tenant.admin).body(doc).put(path()).then().statusCode(201)
                .body("validatedAgainstOrg", equalTo(true))
                .body("rules[0].itemId", equalTo("evt-42"))
                .body("tagCampaigns[0].removedStatus", equalTo("Registered"));
        as(tenant.admin).body(doc(rule)).put(path()).then().statusCode(200);
        as(TestTokens.viewer(tenant.id)).get(path()).then().statusCode(200)
                .body("customized", equalTo(true)).body("rules", hasSize(1))
                .body("updatedBy", notNullValue()).body("rules[0].campaignId", equalTo(campaign));
    }

    @Test
    void aRuleForAMissingCampaignOrUnknownStatusIsRejectedWith422AndNothingStored() {
        String missing = "701" + "0".repeat(9) + "ZZZAAA";
        as(tenant.admin).body(doc(rule("event.attended", campaign, "Attended"),
                rule("course.completed", missing, "Sent"),
                rule("event.registered", campaign, "Maybe")))
                .put(path()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("rules[1].campaignId", "rules[2].memberStatus"))
                .body("errors[0].message", containsString("does not exist"))
                .body("errors[1].message", containsString("Invited, Registered, Attended"));
        as(tenant.admin).get(path()).then().statusCode(200).body("customized", equalTo(false));
    }

    @Test
    void badDocumentsNameEachField() {
        Map<String, Object> noType = rule(null, campaign, "Sent");
        Map<String, Object> item = rule("membership.status_changed", "001000000000001", "x".repeat(41));
        item.put("itemId", "evt-1");
        item.put("membershipStatus", "gold");
        Map<String, Object> doc = doc(noType, item, rule("member.deleted", campaign, "Sent"));
        doc.put("tagCampaigns", List.of(Map.of("tag", "Bad Tag", "campaignId", campaign, "memberStatus", "Sent"),
                Map.of("tag", "member-active", "campaignId", campaign, "memberStatus", "Sent"),
                Map.of("tag", "member-active", "campaignId", campaign, "memberStatus", "Sent")));

        as(tenant.admin).body(doc).put(path()).then().statusCode(400)
                .body("errors.field", contains("rules[0].eventType", "rules[1].itemId",
                        "rules[1].membershipStatus", "rules[1].campaignId", "rules[1].memberStatus",
                        "rules[2].eventType", "tagCampaigns[0].tag", "tagCampaigns[2].tag"));
        as(tenant.admin).body(Map.of("tagCampaigns", List.of())).put(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("rules"));
        as(tenant.admin).get(path()).then().statusCode(200).body("customized", equalTo(false));
    }

    @Test
    void anUnreachableOrgStoresTheRulesUncheckedWithAWarning() {
        String other = TestTokens.newTenantId();
        as(TestTokens.admin(other)).body(Map.of("environment", "SANDBOX", "consumerKey", "ck",
                "consumerSecret", "valid-secret-1234")).put(connectionPath(other)).then().statusCode(201);
        as(TestTokens.admin(other)).body(doc(rule("event.attended", campaign, "Whatever")))
                .put("/api/v1/tenants/" + other + "/salesforce/campaign-rules").then().statusCode(201)
                .body("validatedAgainstOrg", equalTo(false)).body("warning", containsString("without checking"));
    }

    private String path() {
        return "/api/v1/tenants/" + tenant.id + "/salesforce/campaign-rules";
    }

    @SafeVarargs
    private static Map<String, Object> doc(Map<String, Object>... rules) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rules", List.of(rules));
        return doc;
    }

    private static Map<String, Object> rule(String type, String campaignId, String status) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("eventType", type);
        rule.put("campaignId", campaignId);
        rule.put("memberStatus", status);
        return rule;
    }
}
