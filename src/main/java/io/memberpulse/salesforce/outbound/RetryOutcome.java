package io.memberpulse.salesforce.outbound;

/**
 * What a retry did with one failed outbox item.
 *
 * @param outboxItemId  the failed item
 * @param memberId      the member it writes
 * @param result        see {@link Result}
 * @param pendingItemId the pending item that now carries the change: the item itself when
 *                      requeued, the member's newer pending item when merged, null when superseded
 */
public record RetryOutcome(long outboxItemId, String memberId, Result result, Long pendingItemId) {

    /** How the failed item went back to the queue. */
    public enum Result {
        /** Pending again: attempts reset, due now, errors cleared. */
        REQUEUED,
        /** Folded under the member's newer pending change (its newer values win), then closed. */
        MERGED,
        /** Every field it carried was written or refused by a newer change since: closed, nothing to send. */
        SUPERSEDED
    }

    /** The item's outbox status after the retry. */
    public String status() {
        return result == Result.REQUEUED ? "PENDING" : "DONE";
    }
}
