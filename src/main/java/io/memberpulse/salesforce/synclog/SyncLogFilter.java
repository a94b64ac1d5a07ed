package io.memberpulse.salesforce.synclog;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated sync-log query: which tenant, which outcome and member (each optional), entries older
 * than {@code beforeId} (the cursor), at most {@code limit}.
 */
record SyncLogFilter(String tenantId, SyncOutcome outcome, String memberId, Long beforeId, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** Member ids as the event intake accepts them. */
    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Checks every query parameter; one 400 names each bad one. */
    static SyncLogFilter of(String tenantId, String outcome, String memberId, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SyncOutcome parsedOutcome = outcome(outcome, errors);
        if (memberId != null && !MEMBER_ID.matcher(memberId).matches()) {
            errors.add(new Problem.FieldError("memberId", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'"));
        }
        int parsedLimit = limit(limit, errors);
        Long beforeId = cursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new SyncLogFilter(tenantId, parsedOutcome, memberId, beforeId, parsedLimit);
    }

    boolean firstPageUnfiltered() {
        return outcome == null && memberId == null && beforeId == null;
    }

    private static SyncOutcome outcome(String outcome, List<Problem.FieldError> errors) {
        if (outcome == null || outcome.isEmpty()) {
            return null;
        }
        try {
            return SyncOutcome.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("outcome", "must be one of " + Arrays.toString(SyncOutcome.values())));
            return null;
        }
    }

    private static int limit(String limit, List<Problem.FieldError> errors) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(limit);
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // not a number: the same answer below
        }
        errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static Long cursor(String cursor, List<Problem.FieldError> errors) {
        try {
            return SyncLogCursor.parse(cursor);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
