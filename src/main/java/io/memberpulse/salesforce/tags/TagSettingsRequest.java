package io.memberpulse.salesforce.tags;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /tag-settings}; an absent property takes its default. */
@Schema(name = "TagSettingsRequest")
public record TagSettingsRequest(
        @Schema(description = "PICKLIST (default), CUSTOM_OBJECT or CAMPAIGN") String target,
        @Schema(description = "Contact multi-select picklist, default MemberPulse_Tags__c") String picklistField,
        @Schema(description = "OBSERVED (default: apply deltas to the value MemberPulse last wrote or saw in a "
                + "Contact change event while Change Data Capture streams without a break since; otherwise read it "
                + "first), READ (read the current value before each write, one query per batch of 200) or "
                + "LAST_WRITTEN (apply deltas to the last known value unchecked; no extra call, but values added in "
                + "Salesforce and not seen by the stream are lost)") String picklistBaseline,
        @Schema(description = "Tag object, default MemberPulse_Tag__c") String objectName,
        @Schema(description = "Its lookup to Contact, default MemberPulse_Contact__c") String contactField,
        @Schema(description = "Its text field for the tag, default MemberPulse_Tag_Name__c") String tagField,
        @Schema(description = "Its External ID field (<memberId>:<tag>), default MemberPulse_Tag_Id__c")
        String externalIdField) {
}
