package io.memberpulse.salesforce.campaigns;

/**
 * One wanted state of a CampaignMember: person {@code personId} (a Contact, prefix 003, or a Lead,
 * prefix 00Q) in Campaign {@code campaignId}. {@code key} is the caller's handle on the outcome.
 */
public record CampaignMembership(String key, String campaignId, String personId, Action action, String status) {

    /** What to make of the pair. */
    public enum Action {
        /** Be a member with {@code status}: created when absent, status updated when present. */
        JOIN,
        /** Keep an existing member with {@code status}; add nobody. */
        MARK,
        /** Not a member: an existing CampaignMember is deleted. */
        LEAVE
    }

    public static CampaignMembership join(String key, String campaignId, String personId, String status) {
        return new CampaignMembership(key, campaignId, personId, Action.JOIN, status);
    }

    public static CampaignMembership mark(String key, String campaignId, String personId, String status) {
        return new CampaignMembership(key, campaignId, personId, Action.MARK, status);
    }

    public static CampaignMembership leave(String key, String campaignId, String personId) {
        return new CampaignMembership(key, campaignId, personId, Action.LEAVE, null);
    }

    boolean isLead() {
        return personId.startsWith("00Q");
    }

    /** (campaign, person) by 15-character ids: CampaignMember is unique per this pair. */
    String pair() {
        return CampaignMemberIndex.id15(campaignId) + ":" + CampaignMemberIndex.id15(personId);
    }
}
