package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.tags.TagBaselines;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one {@link InboundApplier}: locks the records a batch names and loads their state and links,
 * decides every change in memory in list order ({@link ChangeBatch}), then writes records, links,
 * deliveries and log lines in a few set-based statements, all in the caller's transaction.
 */
@ApplicationScoped
public class InboundApplierService implements InboundApplier {

    private final InboundEffects effects;
    private final MappingService mappings;
    private final MeterRegistry metrics;
    private final OwnWrites ownWrites;
    private final TagBaselines tagBaselines;

    InboundApplierService(InboundEffects effects, MappingService mappings, MeterRegistry metrics,
            OwnWrites ownWrites, TagBaselines tagBaselines) {
        this.effects = effects;
        this.tagBaselines = tagBaselines;
        this.mappings = mappings;
        this.metrics = metrics;
        this.ownWrites = ownWrites;
    }

    @Override
    public Uni<ApplyResult> apply(String tenantId, List<SalesforceChange> changes) {
        List<SalesforceChange> foreign = changes.stream().filter(this::notEcho).toList();
        int echoes = changes.size() - foreign.size();
        if (foreign.isEmpty()) {
            return Uni.createFrom().item(new ApplyResult(0, echoes, 0, 0, 0));
        }
        return mappings.contactMapping(tenantId)
                .chain(mapping -> applyForeign(tenantId, mapping, foreign, echoes));
    }

    private Uni<ApplyResult> applyForeign(String tenantId, ContactMapping mapping, List<SalesforceChange> changes,
            int echoes) {
        return effects.load(tenantId, recordIds(changes))
                .map(loaded -> ChangeBatch.decide(tenantId, mapping, loaded, changes))
                .call(batch -> effects.record(tenantId, batch))
                // Tags are never taken into MemberPulse, but the tag picklist keeps Salesforce's value as its baseline.
                .call(() -> tagBaselines.observe(tenantId, changes))
                .map(batch -> batch.result(echoes))
                .invoke(result -> count(result, changes.get(0).source()));
    }

    /** The service's own writes come back with {@code client=<our name>} in {@code changeOrigin}. */
    private boolean notEcho(SalesforceChange change) {
        if (ownWrites.made(change.changeOrigin())) {
            metrics.counter("memberpulse.inbound.echoes.dropped", "source", change.source().name()).increment();
            return false;
        }
        return true;
    }

    private void count(ApplyResult result, ChangeSource source) {
        if (result.staleDropped() > 0) {
            metrics.counter("memberpulse.inbound.stale.dropped", "source", source.name())
                    .increment(result.staleDropped());
        }
        if (result.unchangedDropped() > 0) {
            metrics.counter("memberpulse.inbound.unchanged.dropped", "source", source.name())
                    .increment(result.unchangedDropped());
        }
        if (result.delivered() > 0) {
            metrics.counter("memberpulse.inbound.deliveries.queued", "source", source.name())
                    .increment(result.delivered());
        }
    }

    private static Set<String> recordIds(List<SalesforceChange> changes) {
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.addAll(change.recordIds()));
        return ids;
    }
}
