package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The first step of most operations' {@link OutboundOperation#send}: items whose outcome is known
 * without a call (no Contact to attach to, nothing to write) are decided at once, the others go to
 * one call. The operation keeps its own decisions: which items, what outcome, which call.
 */
public final class BatchTriage {

    private final List<ItemOutcome> decided = new ArrayList<>();
    private final List<ClaimedItem> pending = new ArrayList<>();

    private BatchTriage() {
    }

    /** Decides each item that {@code decidedEarly} accepts with {@code outcome}; the rest are pending. */
    public static BatchTriage of(List<ClaimedItem> items, Predicate<ClaimedItem> decidedEarly,
            Function<ClaimedItem, ItemOutcome> outcome) {
        BatchTriage triage = new BatchTriage();
        for (ClaimedItem item : items) {
            if (decidedEarly.test(item)) {
                triage.decided.add(outcome.apply(item));
            } else {
                triage.pending.add(item);
            }
        }
        return triage;
    }

    /**
     * Every item's outcome: the early ones first, then what {@code send} answers for the pending items.
     * Without pending items nothing is sent: a batch that needs no call costs no API request.
     */
    public Uni<List<ItemOutcome>> thenSend(Function<List<ClaimedItem>, Uni<List<ItemOutcome>>> send) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(decided);
        }
        return send.apply(pending)
                .invoke(decided::addAll)
                .replaceWith(decided);
    }
}
