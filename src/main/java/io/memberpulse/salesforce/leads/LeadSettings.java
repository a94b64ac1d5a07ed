package io.memberpulse.salesforce.leads;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's lead enrichment: whether members whose email matches a Lead (and no Contact) are
 * written onto that Lead instead of becoming a Contact, and the Lead fields written. A null field
 * name is not written.
 */
@Schema(name = "LeadEnrichment")
@JsonInclude(JsonInclude.Include.ALWAYS)
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record LeadSettings(
        @Schema(description = "Off by default: every member becomes a Contact", defaultValue = "false")
        boolean enabled,
        @Schema(description = "Lead field for the membership status", defaultValue = DEFAULT_STATUS)
        String statusField,
        @Schema(description = "Lead date field for the date the member became active", defaultValue = DEFAULT_SINCE)
        String memberSinceField,
        @Schema(description = "Lead number field for the engagement score (0-100)", defaultValue = DEFAULT_SCORE)
        String scoreField,
        @Schema(description = "Lead multi-select picklist for the member's tags (values MemberPulse does not own "
                + "are kept)", defaultValue = DEFAULT_TAGS)
        String tagsField,
        @Schema(description = "Lead text field for the member id, so that conversion carries it to the Contact "
                + "(map it to the Contact's external id field in Lead field mapping)", defaultValue = DEFAULT_ID)
        String memberIdField) {

    static final String DEFAULT_STATUS = "MemberPulse_Membership_Status__c";
    static final String DEFAULT_SINCE = "MemberPulse_Member_Since__c";
    static final String DEFAULT_SCORE = "MemberPulse_Engagement_Score__c";
    static final String DEFAULT_TAGS = "MemberPulse_Tags__c";
    static final String DEFAULT_ID = "MemberPulse_Id__c";

    public static LeadSettings defaults() {
        return new LeadSettings(false, DEFAULT_STATUS, DEFAULT_SINCE, DEFAULT_SCORE, DEFAULT_TAGS, DEFAULT_ID);
    }
}
