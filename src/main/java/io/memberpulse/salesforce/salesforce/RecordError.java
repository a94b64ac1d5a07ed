package io.memberpulse.salesforce.salesforce;

import java.util.List;

/**
 * Why Salesforce refused one record of a collection call, in its words ({@code statusCode},
 * {@code message}, {@code fields}), plus what an admin should do.
 */
public record RecordError(String statusCode, String message, List<String> fields) {

    public RecordError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Transient: sending the record again later may succeed. */
    public boolean isRetryable() {
        return SalesforceResponses.RETRYABLE_CODES.contains(statusCode);
    }

    /** The rollback marker of an allOrNone call: the record itself was fine. */
    public boolean isRolledBack() {
        return "ALL_OR_NONE_OPERATION_ROLLED_BACK".equals(statusCode);
    }

    public String adminHint() {
        return AdminHints.forError(statusCode, fields);
    }
}
