package io.memberpulse.salesforce.mapping;

import static io.memberpulse.salesforce.mapping.MappingDocs.field;
import static io.memberpulse.salesforce.mapping.MappingDocs.path;
import static io.memberpulse.salesforce.mapping.MappingDocs.withField;
import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.Field;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET and PUT of the field mapping against a connected emulator org: round trip, org checks, access. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class FieldMappingsResourceTest {

    static final String REJECTED = "https://memberpulse.io/problems/salesforce-rejected";

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    String tenant;
    String admin;
    /** A fresh org per test, so declared fields do not leak into other tests. */
    EmulatedOrg org;

    @BeforeEach
    void tenantConnectedToItsOwnOrg() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        org = emulator.createOrg("client-" + tenant, "secret-" + tenant);
        connect(org.clientId(), org.clientSecret(), emulator.baseUrl());
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void aTenantThatNeverChangedItSeesTheDefaults() {
        as(TestTokens.viewer(tenant)).get(path(tenant))
                .then().statusCode(200)
                .body("customized", equalTo(false))
                .body("externalIdField", equalTo("MemberPulse_Id__c"))
                .body("membershipStatusField", equalTo("MemberPulse_Membership_Status__c"))
                .body("deletedMemberPolicy", equalTo("ignore"))
                .body("apiBudgetShare", equalTo(0.5f))
                .body("fields", hasSize(6))
                .body("fields.find { it.memberPulseField == 'email' }.rule", equalTo("two_way"))
                .body("fields.find { it.memberPulseField == 'company' }.salesforceField", equalTo("Account.Name"))
                .body("fields.find { it.memberPulseField == 'membershipStatus' }.rule", equalTo("to_salesforce"))
                .body("updatedAt", nullValue())
                .body("validatedAgainstOrg", nullValue());
    }

    @Test
    void aReplacedMappingIsCheckedAgainstTheOrgStoredAndReadBack() {
        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("deletedMemberPolicy", "clear_status");
        doc.put("apiBudgetShare", 0.25);
        MappingDocs.fields(doc).set(1, field("firstName", "FirstName", "prefer_salesforce_unless_blank"));
        MappingDocs.fields(doc).set(3, field("phone", "MobilePhone", "from_salesforce"));
        MappingDocs.fields(doc).set(4, field("company", null, "none"));
        long describes = emulator.callLog().count("sobject.describe");

        put(doc).statusCode(201)
                .header("Location", containsString(path(tenant)))
                .body("validatedAgainstOrg", equalTo(true))
                .body("warning", nullValue())
                .body("customized", equalTo(true));
        assertThat(emulator.callLog().count("sobject.describe")).isEqualTo(describes + 1);

        as(admin).get(path(tenant))
                .then().statusCode(200)
                .body("customized", equalTo(true))
                .body("deletedMemberPolicy", equalTo("clear_status"))
                .body("apiBudgetShare", equalTo(0.25f))
                .body("fields[1].rule", equalTo("prefer_salesforce_unless_blank"))
                .body("fields[3].salesforceField", equalTo("MobilePhone"))
                .body("fields[3].rule", equalTo("from_salesforce"))
                .body("fields[4].rule", equalTo("none"))
                .body("updatedBy", equalTo("alice@" + tenant + ".example"))
                .body("updatedAt", notNullValue())
                .body("validatedAgainstOrg", nullValue());

        put(MappingDocs.defaults()).statusCode(200).body("fields[3].salesforceField", equalTo("Phone"));
        as(admin).get(path(tenant)).then().body("fields[3].salesforceField", equalTo("Phone"))
                .body("deletedMemberPolicy", equalTo("ignore"));
    }

    @Test
    void aFieldTheOrgLacksIsRefusedUntilTheOrgHasIt() {
        Map<String, Object> doc = withField(3, field("phone", "Mobile_Number__c", "two_way"));

        put(doc).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(REJECTED))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("fields[3].salesforceField"))
                .body("errors[0].message", containsString("Mobile_Number__c"));
        assertStillDefaults();

        org.declareField("Contact", Field.phone("Mobile_Number__c"));
        put(doc).statusCode(201)
                .body("validatedAgainstOrg", equalTo(true))
                .body("fields[3].salesforceField", equalTo("Mobile_Number__c"));
    }

    @Test
    void theExternalIdFieldMustExistAndBeAnExternalId() {
        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("externalIdField", "Title");
        put(doc).statusCode(422)
                .body("type", equalTo(REJECTED))
                .body("errors[0].field", equalTo("externalIdField"))
                .body("errors[0].message", containsString("not an External ID"));

        doc.put("externalIdField", "Legacy_Member_Key__c");
        put(doc).statusCode(422)
                .body("errors[0].field", equalTo("externalIdField"))
                .body("errors[0].message", containsString("no field Legacy_Member_Key__c"));
        assertStillDefaults();

        org.declareField("Contact", Field.externalId("Legacy_Member_Key__c", 40));
        put(doc).statusCode(201).body("externalIdField", equalTo("Legacy_Member_Key__c"));
    }

    @Test
    void theMembershipStatusFieldMustExistWhenMemberPulseWritesIt() {
        Map<String, Object> doc = withField(5, field("membershipStatus", "Member_Status__c", "to_salesforce"));
        doc.put("membershipStatusField", "Member_Status__c");

        put(doc).statusCode(422)
                .body("errors.field", contains("membershipStatusField",
                        "fields[5].salesforceField"));
        assertStillDefaults();
    }

    @Test
    void aReadOnlyFieldCanOnlyBeReadFrom() {
        put(withField(1, field("firstName", "Name", "two_way"))).statusCode(422)
                .body("errors[0].field", equalTo("fields[1].salesforceField"))
                .body("errors[0].message", containsString("cannot be set on new Contacts"));
        org.declareField("Contact", Field.text("Member_Code__c", 20).createOnly());
        put(withField(1, field("firstName", "Member_Code__c", "two_way"))).statusCode(422)
                .body("errors[0].message", containsString("cannot be updated"));
        assertStillDefaults();

        put(withField(1, field("firstName", "Member_Code__c", "prefer_salesforce_unless_blank"))).statusCode(201);
        put(withField(1, field("firstName", "Name", "from_salesforce"))).statusCode(200)
                .body("validatedAgainstOrg", equalTo(true));
    }

    @Test
    void everyMissingFieldIsNamedInOneAnswer() {
        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("externalIdField", "Nope_Id__c");
        MappingDocs.fields(doc).set(0, field("email", "Nope_Email__c", "two_way"));
        MappingDocs.fields(doc).set(2, field("lastName", "Nope_Last__c", "from_salesforce"));

        put(doc).statusCode(422)
                .body("errors.field", contains("externalIdField", "fields[0].salesforceField",
                        "fields[2].salesforceField"));
    }

    @Test
    void anUnreachableOrgDoesNotBlockTheAdminButTheAnswerSaysSo() {
        String other = TestTokens.newTenantId();
        String otherAdmin = TestTokens.admin(other);
        as(otherAdmin).body(Map.of("environment", "PRODUCTION", "consumerKey", org.clientId(),
                "consumerSecret", org.clientSecret(), "myDomainUrl", "http://localhost:1"))
                .put(connectionPath(other)).then().statusCode(201);
        Map<String, Object> doc = withField(3, field("phone", "Mobile_Number__c", "two_way"));

        as(otherAdmin).body(doc).put(path(other))
                .then().statusCode(201)
                .body("validatedAgainstOrg", equalTo(false))
                .body("warning", containsString("could not be reached"));
        as(otherAdmin).get(path(other)).then().statusCode(200)
                .body("customized", equalTo(true))
                .body("fields[3].salesforceField", equalTo("Mobile_Number__c"));
    }

    @Test
    void aTenantThatCannotConnectYetIsNotCheckedEither() {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", org.clientId(),
                "consumerSecret", org.clientSecret())).put(connectionPath(tenant)).then().statusCode(200);

        put(MappingDocs.defaults()).statusCode(201)
                .body("validatedAgainstOrg", equalTo(false))
                .body("warning", containsString("My Domain"));
    }

    @Test
    void aTenantWithoutAConnectionIsNotFound() {
        String stranger = TestTokens.newTenantId();
        String strangerAdmin = TestTokens.admin(stranger);
        as(strangerAdmin).get(path(stranger)).then().statusCode(404)
                .contentType("application/problem+json");
        as(strangerAdmin).body(MappingDocs.defaults()).put(path(stranger)).then().statusCode(404);
    }

    @Test
    void viewersReadButDoNotReplace() {
        String viewer = TestTokens.viewer(tenant);
        as(viewer).get(path(tenant)).then().statusCode(200);
        as(viewer).body(withField(3, field("phone", "MobilePhone", "two_way"))).put(path(tenant))
                .then().statusCode(403).contentType("application/problem+json");
        assertStillDefaults();

        as(TestTokens.platformAdmin()).body(withField(3, field("phone", "MobilePhone", "two_way")))
                .put(path(tenant)).then().statusCode(201).body("updatedBy", equalTo("alice@memberpulse.example"));
    }

    @Test
    void anotherTenantsTokenIsRefused() {
        String intruder = TestTokens.admin(TestTokens.newTenantId());
        as(intruder).get(path(tenant)).then().statusCode(403);
        as(intruder).body(MappingDocs.defaults()).put(path(tenant)).then().statusCode(403);
        as(TestTokens.service(tenant)).get(path(tenant)).then().statusCode(403);
        assertStillDefaults();
    }

    private void connect(String clientId, String secret, String myDomainUrl) {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", clientId, "consumerSecret", secret,
                "myDomainUrl", myDomainUrl)).put(connectionPath(tenant)).then().statusCode(201);
    }

    private ValidatableResponse put(Map<String, Object> doc) {
        return as(admin).body(doc).put(path(tenant)).then();
    }

    private void assertStillDefaults() {
        as(admin).get(path(tenant)).then().statusCode(200)
                .body("customized", equalTo(false))
                .body("externalIdField", equalTo("MemberPulse_Id__c"))
                .body("fields[3].salesforceField", equalTo("Phone"));
    }
}
