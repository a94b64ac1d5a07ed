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

    /** How much was looked at and how much was applied; {@code until} is the new watermark. */
    record CatchUpResult(int examined, int applied, Instant until) {
    }
}
