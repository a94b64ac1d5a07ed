package io.memberpulse.salesforce.tags;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /tag-settings}; an absent property takes its default. */
@Schema(name = "TagSettingsRequest")
public record TagSettingsRequest(
        @Schema(description = "PICKLIST (default), CUSTOM_OBJECT or CAMPAIGN") String target,
        @Schema(description = "Contact multi-select picklist, default MemberPulse_Tags__c") String picklistField,
        @Schema(description = "READ (default: read the current value before each write, one query per batch) or "
                + "LAST_WRITTEN (apply deltas to what MemberPulse last wrote; no extra call, but values added in "
                + "Salesforce since are lost)") String picklistBaseline,
        @Schema(description = "Tag object, default MemberPulse_Tag__c") String objectName,
        @Schema(description = "Its lookup to Contact, default MemberPulse_Contact__c") String contactField,
        @Schema(description = "Its text field for the tag, default MemberPulse_Tag_Name__c") String tagField,
        @Schema(description = "Its External ID field (<memberId>:<tag>), default MemberPulse_Tag_Id__c")
        String externalIdField) {
}
