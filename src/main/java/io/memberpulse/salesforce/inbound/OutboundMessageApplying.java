package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of processing: turns the records read into {@link SalesforceChange}s (one per
 * record, keyed by its latest notification) and applies them in the transaction that marks the
 * notifications done, so the effect and the mark commit together or not at all.
 */
@ApplicationScoped
class OutboundMessageApplying {

    private final OutboundMessageClaims claims;
    private final InboundApplier applier;

    OutboundMessageApplying(OutboundMessageClaims claims, InboundApplier applier) {
        this.claims = claims;
        this.applier = applier;
    }

    Uni<Void> apply(OutboundMessageProcessor.TenantWork work, Map<String, JsonNode> records) {
        Map<String, List<ClaimedNotification>> byRecord = new LinkedHashMap<>();
        for (ClaimedNotification notification : work.batch()) {
            // Re-inserting moves a record behind the others: changes follow their latest notification.
            List<ClaimedNotification> earlier = byRecord.remove(key(notification));
            List<ClaimedNotification> all = earlier == null ? new ArrayList<>() : earlier;
            all.add(notification);
            byRecord.put(key(notification), all);
        }
        List<SalesforceChange> changes = new ArrayList<>();
        List<Long> applied = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        byRecord.forEach((recordKey, notifications) -> {
            JsonNode record = records.get(recordKey);
            List<Long> ids = OutboundMessageProcessor.ids(notifications);
            if (record == null) {
                gone.addAll(ids);
                return;
            }
            ClaimedNotification latest = notifications.get(notifications.size() - 1);
            changes.add(OutboundMessageRecords.change(work.mapping(), latest.objectType(), record,
                    latest.notificationId()));
            applied.addAll(ids);
        });
        return Panache.withTransaction(() -> applyChanges(work.tenantId(), changes)
                .call(() -> claims.markDone(applied))
                .call(() -> claims.markGone(gone)))
                .invoke(result -> Log.infof("Tenant %s: %d Outbound Message notifications applied as %d changes "
                        + "(%d delivered, %d echoes, %d unchanged); %d records no longer in Salesforce",
                        work.tenantId(), applied.size(), changes.size(), result.delivered(), result.echoesDropped(),
                        result.unchangedDropped(), gone.size()))
                .replaceWithVoid();
    }

    private Uni<InboundApplier.ApplyResult> applyChanges(String tenantId, List<SalesforceChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(new InboundApplier.ApplyResult(0, 0, 0, 0, 0));
        }
        return applier.apply(tenantId, changes);
    }

    private static String key(ClaimedNotification notification) {
        return notification.recordId().substring(0, 15);
    }
}
