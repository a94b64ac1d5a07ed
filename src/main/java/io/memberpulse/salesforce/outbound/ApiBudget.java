package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.salesforce.ApiUsage;
import java.util.Optional;

/**
 * The tenant's share of its org's daily API limit, from the last {@code Sforce-Limit-Info}. Live
 * changes may use the whole share; backfill stops at 90% of it, keeping the rest for live changes.
 */
record ApiBudget(boolean exhausted, int maxPriority) {

    static final int LIVE = 0;
    static final int BACKFILL = 1;
    static final double BACKFILL_PART = 0.9;

    static ApiBudget of(Optional<ApiUsage.Figure> figure, double share) {
        if (figure.isEmpty() || figure.get().max() == 0) {
            return new ApiBudget(false, BACKFILL);
        }
        double used = figure.get().share();
        if (used >= share) {
            return new ApiBudget(true, LIVE);
        }
        return new ApiBudget(false, used >= share * BACKFILL_PART ? LIVE : BACKFILL);
    }
}
