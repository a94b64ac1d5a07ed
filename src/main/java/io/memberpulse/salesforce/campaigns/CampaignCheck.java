package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import java.util.List;

/** What the org said about campaign settings: checked (with problems), or unchecked with the reason. */
record CampaignCheck(CampaignSettings settings, boolean validated, String warning, List<Problem.FieldError> problems) {

    static CampaignCheck checked(CampaignSettings settings, List<Problem.FieldError> problems) {
        return new CampaignCheck(settings, true, null, List.copyOf(problems));
    }

    static CampaignCheck unchecked(CampaignSettings settings, String reason) {
        return new CampaignCheck(settings, false, "Saved without checking the campaigns against Salesforce: "
                + reason + ". They are checked again on the next save while the org is reachable.", List.of());
    }

    /** A 422 naming each campaign the org does not have and each member status a campaign lacks. */
    void requireValid() {
        if (problems.isEmpty()) {
            return;
        }
        String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " campaign references do not fit the org; see errors";
        throw new ProblemException(ProblemType.SALESFORCE_REJECTED, detail, problems);
    }
}
