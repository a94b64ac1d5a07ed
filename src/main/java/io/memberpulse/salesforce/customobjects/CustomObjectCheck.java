package io.memberpulse.salesforce.customobjects;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import java.util.List;

/** What the org said about custom object mappings: checked (with problems), or unchecked with the reason. */
record CustomObjectCheck(CustomObjectSettings settings, boolean validated, String warning,
        List<Problem.FieldError> problems) {

    static CustomObjectCheck checked(CustomObjectSettings settings, List<Problem.FieldError> problems) {
        return new CustomObjectCheck(settings, true, null, List.copyOf(problems));
    }

    static CustomObjectCheck unchecked(CustomObjectSettings settings, String reason) {
        return new CustomObjectCheck(settings, false, "Saved without checking the objects against Salesforce: "
                + reason + ". They are checked again on the next save while the org is reachable.", List.of());
    }

    /** A 422 naming each object or field the org lacks or the integration user cannot write. */
    void requireValid() {
        if (problems.isEmpty()) {
            return;
        }
        String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " mapped objects or fields do not fit the org; see errors";
        throw new ProblemException(ProblemType.SALESFORCE_REJECTED, detail, problems);
    }
}
