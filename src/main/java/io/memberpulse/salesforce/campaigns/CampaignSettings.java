package io.memberpulse.salesforce.campaigns;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.memberpulse.salesforce.tags.Tags;
import java.util.List;
import java.util.Optional;

/** A tenant's campaign rules and tag campaigns; the default has neither. */
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record CampaignSettings(List<CampaignRule> rules, List<TagCampaign> tagCampaigns) {

    static final int MAX_RULES = 100;
    static final int MAX_TAG_CAMPAIGNS = 50;

    public CampaignSettings {
        rules = rules == null ? List.of() : List.copyOf(rules);
        tagCampaigns = tagCampaigns == null ? List.of() : List.copyOf(tagCampaigns);
    }

    public static CampaignSettings defaults() {
        return new CampaignSettings(List.of(), List.of());
    }

    /** The rules an event fires, in their configured order. */
    public List<CampaignRule> matching(String eventType, String itemId, String membershipStatus) {
        return rules.stream().filter(rule -> rule.matches(eventType, itemId, membershipStatus)).toList();
    }

    /** The campaign configured for a tag, if any. */
    public Optional<TagCampaign> forTag(String tag) {
        return tagCampaigns.stream().filter(t -> t.tag().equals(tag)).findFirst();
    }

    /** The campaigns of the tags a delta names: one tag, or every tag under a prefix ({@code Tags.ALL_REGISTERED}). */
    public List<TagCampaign> forTags(String tag) {
        return tagCampaigns.stream().filter(t -> Tags.matches(tag, t.tag())).toList();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return rules.isEmpty() && tagCampaigns.isEmpty();
    }
}
