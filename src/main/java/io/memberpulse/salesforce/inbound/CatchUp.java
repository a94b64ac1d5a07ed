package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Reads what changed in an org since a point in time (SOQL {@code queryAll}, so deletes show) and
 * applies what was missed through {@link InboundApplier}. Used after a rejected replay id, for
 * {@code GAP_OVERFLOW}, and by the scheduled reconciliation.
 */
public interface CatchUp {

    /**
     * Catches up {@code objectType} of {@code tenantId} from {@code since} (inclusive, minus a safety
     * margin for commit skew). Runs its own transactions; completes when everything found is applied.
     */
    Uni<CatchUpResult> catchUp(String tenantId, String objectType, Instant since, ChangeSource reason);

    /**
     * As {@link #catchUp}, but applies only records stamped before {@code until} (null: no bound): what changed after it is on its way through the CDC stream, and applying a newer value
     * first would make the stream's older changes look stale.
     */
    Uni<CatchUpResult> catchUpTo(String tenantId, String objectType, Instant since, Instant until,
            ChangeSource reason);

    /** How much was looked at and how much was applied; {@code until} is the new watermark. */
    record CatchUpResult(int examined, int applied, Instant until) {
    }
}
