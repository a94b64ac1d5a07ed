package io.memberpulse.salesforce.salesforce;

import java.util.List;

/**
 * A Salesforce call that did not succeed, already classified: the subclass is the decision
 * (retry, pause, re-authenticate, reconnect, give up), the fields carry Salesforce's own words.
 */
public abstract class SalesforceException extends RuntimeException {

    private final int httpStatus;
    private final String errorCode;
    private final List<String> fields;

    protected SalesforceException(int httpStatus, String errorCode, String message, List<String> fields,
            Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** HTTP status Salesforce answered, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Salesforce's {@code errorCode} (or OAuth {@code error}), e.g. {@code UNABLE_TO_LOCK_ROW}. */
    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }

    /**
     * Whether a whole call was refused for a field the org lacks ({@code INVALID_FIELD}): the settings
     * name a field that must be created or renamed, so the operations fail their items with that fix.
     */
    public static boolean isInvalidField(Throwable failure) {
        return failure instanceof Permanent && "INVALID_FIELD".equals(((Permanent) failure).errorCode());
    }

    /** What an admin should do about it, in one sentence. */
    public String adminHint() {
        return AdminHints.forError(errorCode, fields);
    }

    /** Transient: lock contention, 5xx, timeouts, connection resets. Retried with backoff. */
    public static class Retryable extends SalesforceException {
        public Retryable(int httpStatus, String errorCode, String message, Throwable cause) {
            super(httpStatus, errorCode, message, List.of(), cause);
        }
    }

    /** {@code REQUEST_LIMIT_EXCEEDED}: the org's API allocation is spent; pause the tenant. */
    public static class LimitExceeded extends SalesforceException {
        public LimitExceeded(String message) {
            super(403, "REQUEST_LIMIT_EXCEEDED", message, List.of(), null);
        }
    }

    /** 401 {@code INVALID_SESSION_ID}: the session ended; a new token is fetched and the call retried once. */
    public static class SessionExpired extends SalesforceException {
        public SessionExpired(String message) {
            super(401, "INVALID_SESSION_ID", message, List.of(), null);
        }
    }

    /**
     * The token endpoint rejected the client, its secret or the refresh token ({@code invalid_client},
     * {@code invalid_grant}, ...). Permanent for the tenant until an admin reconnects: never retried.
     */
    public static class CredentialsRejected extends SalesforceException {
        public CredentialsRejected(String error, String description) {
            super(400, error, description, List.of(), null);
        }
    }

    /** Anything else Salesforce refused: bad field, bad value, missing object. Retrying will not help. */
    public static class Permanent extends SalesforceException {
        public Permanent(int httpStatus, String errorCode, String message, List<String> fields) {
            super(httpStatus, errorCode, message, fields, null);
        }
    }

    /** The tenant's circuit breaker is open after repeated failures; nothing was sent. */
    public static class CircuitOpen extends SalesforceException {
        public CircuitOpen(String tenantId, Throwable cause) {
            super(0, "CIRCUIT_OPEN", "Salesforce calls of tenant " + tenantId
                    + " are paused after repeated failures", List.of(), cause);
        }
    }
}
