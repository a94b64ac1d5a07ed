package io.memberpulse.salesforce.salesforce;

import java.util.List;

/**
 * The outcome of one record of a Collections call, in request order. {@code created} is set by
 * upserts only (null otherwise).
 */
public record RecordResult(String id, boolean success, Boolean created, List<RecordError> errors) {

    public RecordResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Whether every error is transient, so the record may be sent again. */
    public boolean isRetryable() {
        return !success && !errors.isEmpty() && errors.stream().allMatch(e -> e.isRetryable() || e.isRolledBack());
    }
}
