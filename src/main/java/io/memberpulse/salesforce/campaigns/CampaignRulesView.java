package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's campaign rules as the portal shows them: stored, or the (empty) defaults. */
@Schema(name = "CampaignRules")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignRulesView(
        List<CampaignRule> rules,
        List<TagCampaign> tagCampaigns,
        @Schema(description = "false: the tenant never stored campaign rules")
        boolean customized,
        @Schema(description = "When the rules were last replaced; absent for the defaults")
        Instant updatedAt,
        @Schema(description = "Who last replaced them; absent for the defaults")
        String updatedBy,
        @Schema(description = "PUT only: whether campaigns and statuses were checked against the org")
        Boolean validatedAgainstOrg,
        @Schema(description = "PUT only: why they could not be checked against the org")
        String warning) {

    static CampaignRulesView defaults() {
        return new CampaignRulesView(List.of(), List.of(), false, null, null, null, null);
    }

    static CampaignRulesView stored(CampaignSettings settings, Instant updatedAt, String updatedBy) {
        return new CampaignRulesView(settings.rules(), settings.tagCampaigns(), true, updatedAt, updatedBy, null,
                null);
    }

    CampaignRulesView checked(boolean validated, String warning) {
        return new CampaignRulesView(rules, tagCampaigns, customized, updatedAt, updatedBy, validated, warning);
    }
}
