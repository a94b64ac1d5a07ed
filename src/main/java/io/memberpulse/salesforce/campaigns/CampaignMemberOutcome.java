package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.salesforce.RecordError;
import java.util.List;

/** What became of one {@link CampaignMembership}; {@code campaignMemberId} is null when none exists. */
public record CampaignMemberOutcome(CampaignMembership wanted, Result result, String campaignMemberId,
        List<RecordError> errors) {

    public enum Result { CREATED, UPDATED, UNCHANGED, DELETED, ABSENT, FAILED }

    public CampaignMemberOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean success() {
        return result != Result.FAILED;
    }

    /** Transient failure: the same membership may be sent again later. */
    public boolean isRetryable() {
        return result == Result.FAILED && !errors.isEmpty()
                && errors.stream().allMatch(e -> e.isRetryable() || e.isRolledBack());
    }
}
