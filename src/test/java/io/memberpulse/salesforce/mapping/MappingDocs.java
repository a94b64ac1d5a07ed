package io.memberpulse.salesforce.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field-mapping request bodies for tests: the default document, changed one part at a time. */
final class MappingDocs {

    private MappingDocs() {
    }

    static String path(String tenantId) {
        return "/api/v1/tenants/" + tenantId + "/salesforce/field-mappings";
    }

    /** The default mapping as a PUT body (fields in the order email, firstName, lastName, phone, company, status). */
    static Map<String, Object> defaults() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("externalIdField", "MemberPulse_Id__c");
        doc.put("membershipStatusField", "MemberPulse_Membership_Status__c");
        doc.put("deletedMemberPolicy", "ignore");
        doc.put("apiBudgetShare", 0.5);
        List<Object> fields = new ArrayList<>();
        fields.add(field("email", "Email", "two_way"));
        fields.add(field("firstName", "FirstName", "two_way"));
        fields.add(field("lastName", "LastName", "two_way"));
        fields.add(field("phone", "Phone", "two_way"));
        fields.add(field("company", "Account.Name", "to_salesforce"));
        fields.add(field("membershipStatus", "MemberPulse_Membership_Status__c", "to_salesforce"));
        doc.put("fields", fields);
        return doc;
    }

    static Map<String, Object> field(String memberPulseField, String salesforceField, String rule) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("memberPulseField", memberPulseField);
        field.put("salesforceField", salesforceField);
        field.put("rule", rule);
        return field;
    }

    /** The defaults with fields[index] replaced. */
    static Map<String, Object> withField(int index, Map<String, Object> field) {
        Map<String, Object> doc = defaults();
        fields(doc).set(index, field);
        return doc;
    }

    @SuppressWarnings("unchecked")
    static List<Object> fields(Map<String, Object> doc) {
        return (List<Object>) doc.get("fields");
    }
}
