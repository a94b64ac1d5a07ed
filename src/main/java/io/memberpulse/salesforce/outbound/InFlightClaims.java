package io.memberpulse.salesforce.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox items this replica has claimed and not yet recorded. outbox_item has no holder
 * column, so on shutdown this is the only way to return exactly this replica's claims to the queue
 * (and none of another replica's).
 */
@ApplicationScoped
class InFlightClaims {

    private final Set<Long> ids = ConcurrentHashMap.newKeySet();

    void track(List<ClaimedItem> items) {
        items.forEach(item -> ids.add(item.id()));
    }

    /** The items' outcomes are recorded, or their claim was given up: they are no longer ours. */
    void forget(List<ClaimedItem> items) {
        items.forEach(item -> ids.remove(item.id()));
    }

    List<Long> ids() {
        return new ArrayList<>(ids);
    }
}
