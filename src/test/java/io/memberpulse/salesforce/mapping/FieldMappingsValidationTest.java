package io.memberpulse.salesforce.mapping;

import static io.memberpulse.salesforce.mapping.MappingDocs.field;
import static io.memberpulse.salesforce.mapping.MappingDocs.path;
import static io.memberpulse.salesforce.mapping.MappingDocs.withField;
import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad field-mapping document is a 400 (413 for size) problem naming each bad field by its
 * JSON path, and changes nothing. The tenant's connection cannot reach an org (no My Domain), so
 * documents that pass validation are stored unchecked: any refusal here comes from validation.
 */
@QuarkusTest
class FieldMappingsValidationTest {

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAConnection() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        as(admin).body(Map.of("environment", "SANDBOX", "consumerKey", "ck", "consumerSecret", "valid-secret-1234"))
                .put(connectionPath(tenant)).then().statusCode(201);
    }

    @Test
    void unknownMemberFieldsAndRulesAreEachNamed() {
        Map<String, Object> doc = withField(2, field("middleName", "MiddleName", "two_way"));
        MappingDocs.fields(doc).set(4, field("company", "Account.Name", "TWO_WAY"));
        MappingDocs.fields(doc).set(0, field(null, "Email", null));

        refused(doc)
                .body("errors.field", contains("fields[0].memberPulseField", "fields[0].rule",
                        "fields[2].memberPulseField", "fields[4].rule"))
                .body("errors[2].message", containsString("[email, firstName, lastName, phone, company, "
                        + "membershipStatus]"))
                .body("errors[3].message", containsString("[to_salesforce, from_salesforce, two_way, "
                        + "prefer_salesforce_unless_blank, none]"));
        assertUnchanged();
    }

    @Test
    void aMemberFieldOrASalesforceFieldMappedTwiceIsNamed() {
        Map<String, Object> doc = withField(1, field("email", "Email__c", "two_way"));
        refused(doc).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("fields[1].memberPulseField"));

        doc = withField(3, field("phone", "email", "to_salesforce"));
        refused(doc).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("fields[3].salesforceField"))
                .body("errors[0].message", containsString("already mapped by fields[0]"));
        assertUnchanged();
    }

    @Test
    void salesforceFieldsMustBeApiNames() {
        for (String bad : new String[] { "Mobile Number", "1Phone", "Phone_", "_Phone", "Mobile__Number",
                "Phone__x", "Phone.Number", "P".repeat(81) }) {
            refused(withField(3, field("phone", bad, "two_way")))
                    .body("errors[0].field", equalTo("fields[3].salesforceField"))
                    .body("errors[0].message", containsString("API name"));
        }
        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("externalIdField", "Member Id");
        doc.put("membershipStatusField", "Status__c;DROP");
        refused(doc).body("errors.field", contains("externalIdField", "membershipStatusField",
                "fields[5].salesforceField"));
        assertUnchanged();

        stored(withField(3, field("phone", "mp__Mobile_Phone_2__c", "two_way")))
                .body("fields[3].salesforceField", equalTo("mp__Mobile_Phone_2__c"));
    }

    @Test
    void theExternalIdFieldIsRequiredAndBelongsToNoMemberField() {
        Map<String, Object> doc = MappingDocs.defaults();
        doc.remove("externalIdField");
        refused(doc).body("errors[0].field", equalTo("externalIdField"))
                .body("errors[0].message", containsString("is required"));

        refused(withField(1, field("firstName", "MemberPulse_Id__c", "two_way")))
                .body("errors[0].field", equalTo("fields[1].salesforceField"));
        doc = MappingDocs.defaults();
        doc.put("externalIdField", "MemberPulse_Membership_Status__c");
        refused(doc).body("errors[0].field", equalTo("membershipStatusField"));
        assertUnchanged();
    }

    @Test
    void companyMapsOnlyToTheAccountName() {
        refused(withField(4, field("company", "Company__c", "two_way")))
                .body("errors[0].field", equalTo("fields[4].salesforceField"))
                .body("errors[0].message", containsString("Account.Name"));
        refused(withField(4, field("company", "Account.Industry", "to_salesforce")))
                .body("errors[0].field", equalTo("fields[4].salesforceField"));
        assertUnchanged();

        stored(withField(4, field("company", null, "none"))).body("fields[4].rule", equalTo("none"));
    }

    @Test
    void membershipStatusIsWrittenByMemberPulseOnlyIntoItsOwnField() {
        refused(withField(5, field("membershipStatus", "MemberPulse_Membership_Status__c", "two_way")))
                .body("errors[0].field", equalTo("fields[5].rule"))
                .body("errors[0].message", containsString("to_salesforce or none"));
        refused(withField(5, field("membershipStatus", "Other_Status__c", "to_salesforce")))
                .body("errors[0].field", equalTo("fields[5].salesforceField"))
                .body("errors[0].message", containsString("MemberPulse_Membership_Status__c"));
        refused(withField(3, field("phone", "MemberPulse_Membership_Status__c", "from_salesforce")))
                .body("errors.field", contains("fields[3].salesforceField", "fields[5].salesforceField"));
        assertUnchanged();

        Map<String, Object> doc = withField(5, field("membershipStatus", "Status__c", "to_salesforce"));
        doc.put("membershipStatusField", "Status__c");
        stored(doc).body("membershipStatusField", equalTo("Status__c"));
    }

    @Test
    void theApiBudgetShareIsAShareAboveZeroAndAtMostOne() {
        for (Object bad : new Object[] { 0, -0.1, 1.01, 0.333 }) {
            Map<String, Object> doc = MappingDocs.defaults();
            doc.put("apiBudgetShare", bad);
            refused(doc).body("errors[0].field", equalTo("apiBudgetShare"));
        }
        assertUnchanged();

        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("apiBudgetShare", 1);
        stored(doc).body("apiBudgetShare", equalTo(1.0f));
    }

    @Test
    void theDeletedMemberPolicyIsLowerCaseIgnoreOrClearStatus() {
        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("deletedMemberPolicy", "CLEAR_STATUS");
        refused(doc).body("errors[0].field", equalTo("deletedMemberPolicy"))
                .body("errors[0].message", equalTo("must be one of [ignore, clear_status]"));
        assertUnchanged();
    }

    @Test
    void unknownPropertiesWrongTypesAndMissingPartsAreRefused() {
        Map<String, Object> doc = MappingDocs.defaults();
        doc.put("autoSync", true);
        refused(doc).body("errors[0].field", equalTo("autoSync"))
                .body("errors[0].message", containsString("unknown property"));

        doc = withField(2, Map.of("memberPulseField", "lastName", "salesforceField", "LastName",
                "direction", "two_way"));
        refused(doc).body("errors[0].field", equalTo("fields[2].direction"));

        doc = MappingDocs.defaults();
        doc.put("apiBudgetShare", "half");
        refused(doc).body("errors[0].field", equalTo("apiBudgetShare"));

        doc = MappingDocs.defaults();
        doc.remove("fields");
        refused(doc).body("errors[0].field", equalTo("fields"));

        refused(withField(3, field("phone", null, "two_way")))
                .body("errors[0].field", equalTo("fields[3].salesforceField"))
                .body("errors[0].message", equalTo("is required unless the rule is none"));
        assertUnchanged();
    }

    @Test
    void malformedMissingAndOversizeBodiesAreRefused() {
        as(admin).body("{\"fields\":[").put(path(tenant)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://memberpulse.io/problems/malformed-json"));
        as(admin).body("").put(path(tenant)).then().statusCode(400)
                .contentType("application/problem+json");
        String big = "{\"externalIdField\":\"MemberPulse_Id__c\",\"fields\":[],\"x\":\"" + "k".repeat(17_000) + "\"}";
        as(admin).body(big).put(path(tenant)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("Request body is larger than this endpoint accepts (16384 bytes)"));
        assertUnchanged();
    }

    /** 400, a problem document, naming fields; never stored. */
    private ValidatableResponse refused(Map<String, Object> doc) {
        return as(admin).body(doc).put(path(tenant)).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://memberpulse.io/problems/validation"));
    }

    private ValidatableResponse stored(Map<String, Object> doc) {
        return as(admin).body(doc).put(path(tenant)).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("validatedAgainstOrg", equalTo(false));
    }

    private void assertUnchanged() {
        as(admin).get(path(tenant)).then().statusCode(200)
                .body("customized", equalTo(false))
                .body("apiBudgetShare", equalTo(0.5f));
    }
}
