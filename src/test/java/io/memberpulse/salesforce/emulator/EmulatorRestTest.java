package io.memberpulse.salesforce.emulator;

import static io.memberpulse.salesforce.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REST contract: auth, limits, sObject CRUD, upsert, describe, validation (reference §2, samples 3-4). */
class EmulatorRestTest extends EmulatorTestBase {

    @Test
    void invalidTokenGets401WithExactBodyAndHeader() {
        HttpResponse<String> resp = http.token("00D000000000000!bogus").get(V + "/sobjects/Contact/describe");

        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(resp.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(resp.headers().firstValue("WWW-Authenticate")).hasValue("Token");
    }

    @Test
    void expiredSessionsGet401() {
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(200);
        emulator.faults().expireAllSessions();
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(401);
    }

    @Test
    void everyResponseCarriesLimitInfoAndLimitsAreConsistent() {
        HttpResponse<String> first = http.get(V + "/sobjects/Contact/describe");
        HttpResponse<String> notFound = http.get(V + "/sobjects/Contact/003000000000000AAA");
        HttpResponse<String> limits = http.get(V + "/limits");

        assertThat(first.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/15000");
        assertThat(notFound.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=2/15000");
        assertThat(limits.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=3/15000");
        assertThat(EmulatorHttp.object(limits).get("DailyApiRequests")).isEqualTo(Map.of("Max", 15000, "Remaining", 14997));
    }

    @Test
    void limitExceededGets403() {
        emulator.defaultOrg().limits().setDailyMax(2);
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(200);
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(200);

        HttpResponse<String> resp = http.get(V + "/limits");

        assertThat(resp.statusCode()).isEqualTo(403);
        assertThat(resp.body()).isEqualTo("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        assertThat(resp.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=2/2");
    }

    @Test
    void faultsLimitAfterCallsAndServerUnavailable() {
        emulator.faults().requestLimitExceededAfter(1).serverUnavailableForNext(1);
        HttpResponse<String> unavailable = http.get(V + "/limits");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("SERVER_UNAVAILABLE");
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(200);
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(403);
    }

    @Test
    void createGetUpdateDeleteContact() {
        HttpResponse<String> created = http.post(V + "/sobjects/Contact", Map.of("LastName", "Lovelace",
                "FirstName", "Ada", "Email", "ada@example.org"));
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> body = EmulatorHttp.object(created);
        assertThat(body).containsEntry("success", true).containsEntry("errors", List.of());
        String id = (String) body.get("id");
        assertThat(id).startsWith("003").hasSize(18).isEqualTo(SalesforceIds.to18(id.substring(0, 15)));

        Map<String, Object> record = EmulatorHttp.object(http.get(V + "/sobjects/Contact/" + id));
        assertThat(record.get("attributes")).isEqualTo(Map.of("type", "Contact", "url", V + "/sobjects/Contact/" + id));
        assertThat(record).containsEntry("Name", "Ada Lovelace").containsEntry("IsDeleted", false);
        assertThat((String) record.get("SystemModstamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000");

        assertThat(http.patch(V + "/sobjects/Contact/" + id, Map.of("Phone", "+44 20")).statusCode()).isEqualTo(204);
        assertThat(emulator.defaultOrg().record(id).get("Phone")).isEqualTo("+44 20");
        assertThat(http.delete(V + "/sobjects/Contact/" + id).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = http.get(V + "/sobjects/Contact/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("ENTITY_IS_DELETED");
        HttpResponse<String> missing = http.get(V + "/sobjects/Contact/0035g00000AbCdEAAV");
        assertThat(missing.body()).isEqualTo("[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
    }

    @Test
    void upsertByExternalIdCreatesUpdatesAndReportsAmbiguity() {
        String path = V + "/sobjects/Contact/MemberPulse_Id__c/M-1";
        HttpResponse<String> created = http.patch(path, Map.of("LastName", "One"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(EmulatorHttp.object(created)).containsEntry("created", true).containsEntry("success", true);

        HttpResponse<String> updated = http.patch(path, Map.of("LastName", "Uno"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(EmulatorHttp.object(updated)).containsEntry("created", false)
                .containsEntry("id", EmulatorHttp.object(created).get("id"));

        emulator.defaultOrg().declareField("Contact", Field.text("Legacy_Id__c", 20).asExternalId(false));
        emulator.defaultOrg().seed("Contact", Map.of("LastName", "A", "Legacy_Id__c", "L-1"));
        emulator.defaultOrg().seed("Contact", Map.of("LastName", "B", "Legacy_Id__c", "L-1"));
        HttpResponse<String> ambiguous = http.patch(V + "/sobjects/Contact/Legacy_Id__c/L-1", Map.of("LastName", "C"));
        assertThat(ambiguous.statusCode()).isEqualTo(300);
        assertThat(ambiguous.body()).contains(V + "/sobjects/Contact/003");
        assertThat(emulator.callLog().count("sobject.upsert")).isEqualTo(3);
    }

    @Test
    void upsertOnNonExternalIdFieldFails() {
        HttpResponse<String> resp = http.patch(V + "/sobjects/Contact/LastName/x", Map.of("FirstName", "y"));
        assertThat(resp.statusCode()).isEqualTo(404);
        assertThat(resp.body()).contains("NOT_FOUND").contains("LastName");
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeListsDeclaredFields() {
        Map<String, Object> describe = EmulatorHttp.object(http.get(V + "/sobjects/Contact/describe"));
        List<Map<String, Object>> fields = (List<Map<String, Object>>) describe.get("fields");
        Map<String, Object> extId = fields.stream().filter(f -> f.get("name").equals("MemberPulse_Id__c")).findFirst()
                .orElseThrow();
        assertThat(extId).containsEntry("externalId", true).containsEntry("idLookup", true)
                .containsEntry("type", "string").containsEntry("unique", true);
        Map<String, Object> tags = fields.stream().filter(f -> f.get("name").equals("MemberPulse_Tags__c")).findFirst()
                .orElseThrow();
        assertThat(tags).containsEntry("type", "multipicklist");
        assertThat(http.get(V + "/sobjects/Nope__c/describe").statusCode()).isEqualTo(404);
    }

    @Test
    void validationErrorsMirrorSalesforce() {
        assertError(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "Shoe_Size__c", 42)), 400,
                "[{\"message\":\"No such column 'Shoe_Size__c' on sobject of type Contact\",\"errorCode\":\"INVALID_FIELD\"}]");
        assertError(http.post(V + "/sobjects/Contact", Map.of("FirstName", "X")), 400,
                "[{\"message\":\"Required fields are missing: [LastName]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"LastName\"]}]");
        assertError(http.post(V + "/sobjects/Contact", Map.of("LastName", "X".repeat(81))), 400,
                "[{\"message\":\"Last Name: data value too large: " + "X".repeat(81)
                        + " (max length=80)\",\"errorCode\":\"STRING_TOO_LONG\",\"fields\":[\"LastName\"]}]");
        assertError(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "Email", "not-an-email")), 400,
                "[{\"message\":\"Email: invalid email address: not-an-email\",\"errorCode\":\"INVALID_EMAIL_ADDRESS\",\"fields\":[\"Email\"]}]");
        assertError(http.post(V + "/sobjects/Lead", Map.of("LastName", "X", "Company", "C", "Status", "Foo")), 400,
                "[{\"message\":\"Status: bad value for restricted picklist field: Foo\",\"errorCode\":\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST\",\"fields\":[\"Status\"]}]");
        assertError(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "AccountId", "001xx")), 400,
                "[{\"message\":\"Account ID: id value of incorrect type: 001xx\",\"errorCode\":\"MALFORMED_ID\",\"fields\":[\"AccountId\"]}]");
        assertError(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "Id", "003000000000000AAA")), 400,
                "[{\"message\":\"The Id field should not be specified in the sobject data.\",\"errorCode\":\"INVALID_FIELD\"}]");
        assertError(http.post(V + "/sobjects/Lead", Map.of("FirstName", "X")), 400,
                "[{\"message\":\"Required fields are missing: [LastName,Company]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"LastName\",\"Company\"]}]");
    }

    @Test
    void multiSelectPicklistLimitsAndTaskWhoIdAreEnforced() {
        String hundredAndOne = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "v" + i)
                .collect(java.util.stream.Collectors.joining(";"));
        assertError(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "MemberPulse_Tags__c", hundredAndOne)),
                400, "[{\"message\":\"Member Pulse Tags: too many values selected: 101 (max 100)\","
                        + "\"errorCode\":\"TOO_MANY_ENUM_VALUE\",\"fields\":[\"MemberPulse_Tags__c\"]}]");
        assertThat(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "MemberPulse_Tags__c",
                hundredAndOne.substring(0, hundredAndOne.lastIndexOf(';')))).statusCode()).isEqualTo(201);
        String account = emulator.defaultOrg().seed("Account", Map.of("Name", "Not a person"));
        assertThat(http.post(V + "/sobjects/Task", Map.of("Subject", "S", "WhoId", account)).body())
                .contains("MALFORMED_ID");
    }

    @Test
    void leadConversionEndpointConvertsOnceAndTheLeadThenRefusesUpdates() {
        String lead = emulator.defaultOrg().seed("Lead", Map.of("LastName", "Prospect", "Company", "Acme",
                "Email", "p@acme.test", "MemberPulse_Id__c", "m-42"));
        HttpResponse<String> converted = http.post(V + "/emulator/convertLead/" + lead, Map.of());
        assertThat(converted.statusCode()).isEqualTo(200);
        String contact = (String) EmulatorHttp.object(converted).get("convertedContactId");
        assertThat(emulator.defaultOrg().record(contact).get("MemberPulse_Id__c")).isEqualTo("m-42");
        assertThat(emulator.defaultOrg().record(lead).get("IsConverted")).isEqualTo(true);
        assertThat(emulator.defaultOrg().record(lead).get("ConvertedContactId")).isEqualTo(contact);
        assertError(http.patch(V + "/sobjects/Lead/" + lead, Map.of("Title", "CEO")), 400,
                "[{\"message\":\"cannot reference converted lead\",\"errorCode\":\"CANNOT_UPDATE_CONVERTED_LEAD\"}]");
        assertThat(http.post(V + "/emulator/convertLead/" + lead, Map.of()).body())
                .contains("CANNOT_UPDATE_CONVERTED_LEAD");
        assertThat(http.post(V + "/emulator/convertLead/00Q000000000000AAA", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void campaignMemberRules() {
        String campaign = emulator.defaultOrg().records("Campaign").get(0).id();
        String contact = emulator.defaultOrg().seed("Contact", Map.of("LastName", "Member"));
        assertThat(http.post(V + "/sobjects/CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact))
                .statusCode()).isEqualTo(201);
        assertError(http.post(V + "/sobjects/CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact)),
                400, "[{\"message\":\"Already a campaign member.\",\"errorCode\":\"DUPLICATE_VALUE\"}]");
        assertError(http.post(V + "/sobjects/CampaignMember", Map.of("CampaignId", campaign)), 400,
                "[{\"message\":\"Required fields are missing: [ContactId,LeadId]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"ContactId\",\"LeadId\"]}]");
    }

    @Test
    void multiSelectPicklistIsSemicolonSeparated() {
        emulator.defaultOrg().declareField("Contact", Field.multiPicklist("Interests__c", true, "Golf", "Tennis"));
        assertThat(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "Interests__c", "Golf;Tennis"))
                .statusCode()).isEqualTo(201);
        assertThat(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "Interests__c", "Golf;Chess")).body())
                .contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST").contains("Chess");
    }

    @Test
    void versionsListingNeedsNoAuthAndUnknownVersionIs404() {
        HttpResponse<String> versions = http.token(null).getRaw("/services/data");
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(versions.headers().firstValue("Sforce-Limit-Info")).isEmpty();
        assertThat(versions.body()).contains("\"version\":\"50.0\"").contains("\"version\":\"62.0\"")
                .contains("Winter '21");
        assertThat(http.login("emulator-client", "emulator-secret").get("/services/data/v49.0/limits").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/services/data/v50.0/limits").statusCode()).isEqualTo(200);
    }

    @Test
    void orgsAreIsolated() {
        EmulatedOrg other = emulator.createOrg("other-client", "other-secret");
        EmulatorHttp otherHttp = new EmulatorHttp(emulator.baseUrl()).login("other-client", "other-secret");
        String id = (String) EmulatorHttp.object(http.post(V + "/sobjects/Contact", Map.of("LastName", "Mine")))
                .get("id");
        assertThat(otherHttp.get(V + "/sobjects/Contact/" + id).statusCode()).isEqualTo(404);
        assertThat(other.orgId()).isNotEqualTo(emulator.defaultOrg().orgId()).startsWith("00D");
        assertThat(other.limits().used()).isEqualTo(1);
    }

    @Test
    void resetRestoresTheDefaultSchema() {
        emulator.defaultOrg().declareField("Contact", Field.text("Temp__c", 10));
        assertThat(http.post(V + "/sobjects/Contact", Map.of("LastName", "X", "Temp__c", "t")).statusCode())
                .isEqualTo(201);
        emulator.reset();
        assertThat(emulator.defaultOrg().type("Contact").find("Temp__c")).isEmpty();
        assertThat(emulator.defaultOrg().records("Contact")).isEmpty();
        assertThat(emulator.defaultOrg().records("Campaign")).hasSize(3);
    }

    private static void assertError(HttpResponse<String> resp, int status, String body) {
        assertThat(resp.statusCode()).isEqualTo(status);
        assertThat(resp.body()).isEqualTo(body);
    }
}
