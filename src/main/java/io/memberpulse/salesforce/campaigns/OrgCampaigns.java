package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The campaigns an org has among those the settings name, with their member status labels. Ids
 * are compared by their first 15 characters: an 18-character id only adds a case checksum.
 */
final class OrgCampaigns {

    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, Set<String>> statuses = new TreeMap<>();

    static OrgCampaigns of(List<JsonNode> campaigns, List<JsonNode> statusRows) {
        OrgCampaigns org = new OrgCampaigns();
        campaigns.forEach(c -> org.names.put(key(c.path("Id").asText()), c.path("Name").asText()));
        statusRows.forEach(s -> org.statuses.computeIfAbsent(key(s.path("CampaignId").asText()),
                k -> new LinkedHashSet<>()).add(s.path("Label").asText()));
        return org;
    }

    List<Problem.FieldError> problemsWith(CampaignSettings settings) {
        List<Problem.FieldError> problems = new ArrayList<>();
        for (int i = 0; i < settings.rules().size(); i++) {
            CampaignRule rule = settings.rules().get(i);
            check("rules[" + i + "]", rule.campaignId(), "memberStatus", rule.memberStatus(), problems);
        }
        for (int i = 0; i < settings.tagCampaigns().size(); i++) {
            TagCampaign tag = settings.tagCampaigns().get(i);
            String path = "tagCampaigns[" + i + "]";
            check(path, tag.campaignId(), "memberStatus", tag.memberStatus(), problems);
            if (tag.removedStatus() != null && names.containsKey(key(tag.campaignId()))) {
                status(path + ".removedStatus", tag.campaignId(), tag.removedStatus(), problems);
            }
        }
        return problems;
    }

    private void check(String path, String campaignId, String statusField, String status,
            List<Problem.FieldError> problems) {
        if (!names.containsKey(key(campaignId))) {
            problems.add(new Problem.FieldError(path + ".campaignId", "Campaign " + campaignId + " does not exist "
                    + "in the org or is not visible to the integration user: create it, share it with that user, "
                    + "or name another campaign."));
            return;
        }
        status(path + "." + statusField, campaignId, status, problems);
    }

    private void status(String path, String campaignId, String status, List<Problem.FieldError> problems) {
        Set<String> labels = statuses.getOrDefault(key(campaignId), Set.of());
        if (!labels.isEmpty() && !labels.contains(status)) {
            problems.add(new Problem.FieldError(path, "Campaign \"" + names.get(key(campaignId)) + "\" has no "
                    + "member status \"" + status + "\"; its statuses are " + String.join(", ", labels)
                    + ". Add the status to the campaign in Salesforce, or choose one of these."));
        }
    }

    private static String key(String id) {
        return id.length() >= 15 ? id.substring(0, 15) : id;
    }
}
