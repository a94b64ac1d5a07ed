package io.memberpulse.salesforce.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One mapped field on the wire, in requests and answers. */
@Schema(name = "FieldMapping")
public record FieldMappingItem(
        @Schema(required = true, description = "The MemberPulse member field",
                enumeration = { "email", "firstName", "lastName", "phone", "company", "membershipStatus" })
        String memberPulseField,

        @Schema(description = "The Contact field's API name (e.g. `Phone`, `Mobile_Number__c`); `Account.Name` "
                + "for company; for membershipStatus, the membershipStatusField. May be omitted with rule none",
                maxLength = 80, example = "Email")
        String salesforceField,

        @Schema(required = true, description = "Direction and conflict rule: to_salesforce, from_salesforce, "
                + "two_way (latest change wins), prefer_salesforce_unless_blank (MemberPulse fills the field only "
                + "when it creates the Contact), none (not synced)",
                enumeration = { "to_salesforce", "from_salesforce", "two_way", "prefer_salesforce_unless_blank",
                        "none" })
        String rule) {

    static FieldMappingItem of(FieldMapping mapping) {
        return new FieldMappingItem(mapping.memberPulseField().json(), mapping.salesforceField(),
                mapping.rule().json());
    }
}
