package io.memberpulse.salesforce.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies received streaming events: each batch in one transaction that also stores each channel's
 * last replay id, and only while this replica still holds the tenant's lease. Gap and overflow
 * events read the org first, outside any transaction.
 */
@ApplicationScoped
class StreamApplier {

    /** The lease moved to another replica: this one must stop and store nothing. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(String tenantId) {
            super("The CDC lease of tenant " + tenantId + " is held by another replica");
        }
    }

    private final InboundApplier applier;
    private final ReplayPositions positions;
    private final GapRecords gaps;
    private final CatchUp catchUp;
    private final CdcMetrics metrics;

    StreamApplier(InboundApplier applier, ReplayPositions positions, GapRecords gaps, CatchUp catchUp,
            CdcMetrics metrics) {
        this.applier = applier;
        this.positions = positions;
        this.gaps = gaps;
        this.catchUp = catchUp;
        this.metrics = metrics;
    }

    /** Events that carry their values, applied in order with their positions. */
    Uni<Void> applyBatch(String tenantId, String holder, List<StreamEvent> batch) {
        List<SalesforceChange> changes = batch.stream().map(StreamEvent::change).toList();
        return inLeasedTransaction(tenantId, holder, () -> applier.apply(tenantId, changes)
                .chain(() -> storeLast(tenantId, batch)))
                .invoke(() -> countApplied(batch));
    }

    /** A gap: the named records are read from the org, then applied as full records. */
    Uni<Void> applyGap(String tenantId, String holder, StreamEvent gap) {
        return gaps.fetch(tenantId, gap)
                .chain(changes -> inLeasedTransaction(tenantId, holder, () -> applier.apply(tenantId, changes)
                        .chain(() -> storeLast(tenantId, List.of(gap)))))
                .invoke(() -> countApplied(List.of(gap)));
    }

    /** {@code GAP_OVERFLOW}: the whole object is caught up from the overflow's commit time, then the position stored. */
    Uni<Void> applyOverflow(String tenantId, String holder, StreamEvent overflow) {
        return catchUp.catchUp(tenantId, overflow.objectType(), overflow.committedAt(), ChangeSource.CATCH_UP)
                .invoke(result -> Log.infof("Tenant %s: %s overflow caught up, %d records examined, %d applied",
                        tenantId, overflow.objectType(), result.examined(), result.applied()))
                .chain(() -> inLeasedTransaction(tenantId, holder, () -> storeLast(tenantId, List.of(overflow))))
                .invoke(() -> countApplied(List.of(overflow)));
    }

    /** Stores a position reached without an event (a catch-up's watermark, replay id -1). */
    Uni<Void> storePosition(String tenantId, String holder, String channel, ReplayPositions.Position position) {
        return inLeasedTransaction(tenantId, holder,
                () -> positions.store(tenantId, channel, position.replayId(), position.committedAt()));
    }

    private Uni<Void> inLeasedTransaction(String tenantId, String holder, java.util.function.Supplier<Uni<Void>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> SubscriptionLease.stillHeld(session, tenantId, holder))
                .chain(held -> held ? work.get() : Uni.createFrom().failure(new LeaseLost(tenantId))));
    }

    private Uni<Void> storeLast(String tenantId, List<StreamEvent> batch) {
        Map<String, StreamEvent> last = new LinkedHashMap<>();
        batch.forEach(event -> last.put(event.channel(), event));
        return Multi.createFrom().iterable(last.values())
                .onItem().transformToUniAndConcatenate(event -> positions.store(tenantId, event.channel(),
                        event.replayId(), event.committedAt()))
                .collect().last()
                .replaceWithVoid();
    }

    private void countApplied(List<StreamEvent> batch) {
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        batch.forEach(event -> perChannel.merge(event.channel(), 1, Integer::sum));
        perChannel.forEach(metrics::applied);
    }
}
