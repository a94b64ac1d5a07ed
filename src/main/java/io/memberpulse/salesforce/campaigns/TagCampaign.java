package io.memberpulse.salesforce.campaigns;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Tag target "campaign membership": while a member carries {@code tag}, their Contact (or Lead) is a
 * member of Campaign {@code campaignId} with {@code memberStatus}. When the tag is removed the
 * CampaignMember is deleted, or, when {@code removedStatus} is set, kept with that status.
 */
@Schema(name = "TagCampaign")
@JsonInclude(JsonInclude.Include.NON_NULL)
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record TagCampaign(
        @Schema(required = true, description = "A MemberPulse tag value, e.g. member-active; one campaign per tag",
                example = "member-active")
        String tag,

        @Schema(required = true, description = "Salesforce Campaign id (prefix 701)", example = "701000000000001AAA")
        String campaignId,

        @Schema(required = true, description = "CampaignMember Status while the tag is on", maxLength = 40,
                example = "Sent")
        String memberStatus,

        @Schema(description = "CampaignMember Status once the tag is removed; absent: the CampaignMember is "
                + "deleted", maxLength = 40, example = "Responded")
        String removedStatus) {
}
