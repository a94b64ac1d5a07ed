package io.memberpulse.salesforce.campaigns;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "When a member event of {@code eventType} occurs (for item {@code itemId}, or to membership status
 * {@code membershipStatus}), make the member's Contact (or Lead) a member of Campaign
 * {@code campaignId} with status {@code memberStatus}."
 */
@Schema(name = "CampaignRule")
@JsonInclude(JsonInclude.Include.NON_NULL)
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record CampaignRule(
        @Schema(required = true, description = "Member event type that triggers the rule; any type but "
                + "member.deleted", example = "event.registered")
        String eventType,

        @Schema(description = "Only for event.* and course.* types: the event or course id (data.eventId or "
                + "data.courseId) the rule is limited to; absent: every event or course", maxLength = 128,
                example = "evt-2026-annual")
        String itemId,

        @Schema(description = "Only for membership.status_changed: the new status the rule is limited to",
                enumeration = { "active", "expiring", "expired", "upgraded", "downgrade_scheduled" })
        String membershipStatus,

        @Schema(required = true, description = "Salesforce Campaign id (15 or 18 characters, prefix 701)",
                example = "701000000000001AAA")
        String campaignId,

        @Schema(required = true, description = "CampaignMember Status label to set; must be one of the "
                + "campaign's member statuses", maxLength = 40, example = "Registered")
        String memberStatus) {

    /** Whether this rule fires for an event of this type, item and membership status. */
    boolean matches(String type, String item, String status) {
        return eventType.equals(type)
                && (itemId == null || itemId.equals(item))
                && (membershipStatus == null || membershipStatus.equals(status));
    }
}
