package io.memberpulse.salesforce.mapping;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import java.util.List;

/**
 * What the org said about a mapping: checked (with the problems found), or not checked because the
 * org could not be reached (with the reason, for the admin).
 */
record OrgCheck(ContactMapping mapping, boolean validated, String warning, List<Problem.FieldError> problems) {

    static OrgCheck checked(ContactMapping mapping, List<Problem.FieldError> problems) {
        return new OrgCheck(mapping, true, null, List.copyOf(problems));
    }

    static OrgCheck unchecked(ContactMapping mapping, String reason) {
        return new OrgCheck(mapping, false, "Saved without checking the fields against Salesforce: " + reason
                + ". They are checked again on the next save while the org is reachable.", List.of());
    }

    /** A 422 naming each Contact field the org does not have or the integration user cannot write. */
    void requireValid() {
        if (problems.isEmpty()) {
            return;
        }
        String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " mapped fields do not fit the org's Contact object; see errors";
        throw new ProblemException(ProblemType.SALESFORCE_REJECTED, detail, problems);
    }
}
