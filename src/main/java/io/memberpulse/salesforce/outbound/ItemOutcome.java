package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What became of one claimed item after a Salesforce call (or a decision not to call). For Contact
 * upserts {@code written} holds the values written (merged into {@code member_link.last_written});
 * other operations may leave it null.
 */
public record ItemOutcome(ClaimedItem item, Kind kind, String salesforceId, String accountId, ObjectNode written,
        String errorCode, String errorMessage, String adminHint, Instant retryAt) {

    /** The outcome kinds. */
    public enum Kind {
        /** Written: the link and the sync log record it. */
        DONE,
        /** Nothing to write (every value already in Salesforce as we last wrote it). */
        SKIPPED,
        /**
         * The operation has nothing to do for this member at all (e.g. a Lead update of a member that has
         * a Contact, the removal of a tag record never created): closed without a call and, unlike
         * {@link #SKIPPED}, without a sync-log entry, which would only be noise for the admin.
         */
        UNNEEDED,
        /** Transient failure: back to pending at {@code retryAt}. */
        RETRY,
        /** Back to pending without counting an attempt (the tenant is paused, not the record at fault). */
        REQUEUE,
        /** Permanent failure: Salesforce's code and a sentence for the admin. */
        FAILED
    }

    public static ItemOutcome done(ClaimedItem item, String salesforceId, String accountId, ObjectNode written) {
        return new ItemOutcome(item, Kind.DONE, salesforceId, accountId, written, null, null, null, null);
    }

    public static ItemOutcome skipped(ClaimedItem item, String salesforceId) {
        return new ItemOutcome(item, Kind.SKIPPED, salesforceId, null, null, null, null, null, null);
    }

    public static ItemOutcome unneeded(ClaimedItem item) {
        return new ItemOutcome(item, Kind.UNNEEDED, null, null, null, null, null, null, null);
    }

    public static ItemOutcome retry(ClaimedItem item, String code, String message, Instant at) {
        return new ItemOutcome(item, Kind.RETRY, null, null, null, code, message, null, at);
    }

    public static ItemOutcome requeue(ClaimedItem item, String code, String message, Instant at) {
        return new ItemOutcome(item, Kind.REQUEUE, null, null, null, code, message, null, at);
    }

    public static ItemOutcome failed(ClaimedItem item, String code, String message, String hint) {
        return new ItemOutcome(item, Kind.FAILED, null, null, null, code, message, hint, null);
    }
}
