package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Existing CampaignMembers by (campaign, person), from one SOQL result. */
final class CampaignMemberIndex {

    /** An existing member: its id and current status. */
    record Existing(String id, String status) {
    }

    private final Map<String, Existing> byPair = new HashMap<>();

    static CampaignMemberIndex of(List<JsonNode> rows) {
        CampaignMemberIndex index = new CampaignMemberIndex();
        for (JsonNode row : rows) {
            // A converted Lead's member keeps its LeadId beside the ContactId: findable by either.
            Existing existing = new Existing(row.path("Id").asText(), row.path("Status").asText(null));
            String campaign = id15(row.path("CampaignId").asText());
            for (String person : List.of("ContactId", "LeadId")) {
                if (row.hasNonNull(person)) {
                    index.byPair.put(campaign + ":" + id15(row.get(person).asText()), existing);
                }
            }
        }
        return index;
    }

    Existing find(CampaignMembership membership) {
        return byPair.get(membership.pair());
    }

    /** Salesforce ids compare by their first 15 characters; the 3 more only encode letter case. */
    static String id15(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }
}
