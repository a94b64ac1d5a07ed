package io.memberpulse.salesforce.intake;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad fields found in one batch. A batch of 1,000 broken events would list thousands; the
 * problem lists the first {@value #MAX_LISTED}, which is enough to fix the sender, and counts the rest.
 */
final class FieldErrors {

    static final int MAX_LISTED = 100;

    private final List<Problem.FieldError> listed = new ArrayList<>();
    private int count;

    void add(String field, String message) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new Problem.FieldError(field, message));
        }
    }

    int count() {
        return count;
    }

    ProblemException problem() {
        if (count <= MAX_LISTED) {
            return ProblemException.invalidFields(listed);
        }
        return new ProblemException(ProblemType.VALIDATION, count + " fields are not valid; the first "
                + MAX_LISTED + " are listed in errors", listed);
    }
}
