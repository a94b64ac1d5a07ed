package io.memberpulse.salesforce.campaigns;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /campaign-rules}: the whole document, replacing what is stored. */
@Schema(name = "CampaignRulesRequest")
public record CampaignRulesRequest(
        @Schema(required = true, description = "At most " + CampaignSettings.MAX_RULES + " rules; an empty list "
                + "turns campaign rules off")
        List<CampaignRule> rules,

        @Schema(description = "Tag campaigns (tag target c), one per tag; absent: none",
                maxItems = CampaignSettings.MAX_TAG_CAMPAIGNS)
        List<TagCampaign> tagCampaigns) {
}
