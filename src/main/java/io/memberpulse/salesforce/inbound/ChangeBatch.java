package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The decisions for one batch of changes, made in memory in list order: which deliveries to queue,
 * which links change, which log lines to write. Earlier changes of the batch update the links that
 * later ones see, exactly as if each change had been applied alone.
 */
final class ChangeBatch {

    private final String tenantId;
    private final ContactMapping mapping;
    private final InboundEffects.Loaded loaded;
    private final List<QueuedDelivery> deliveries = new ArrayList<>();
    private final List<InboundEffects.LogEntry> log = new ArrayList<>();
    private int unchanged;
    private int unlinked;
    private int stale;
    private final UnlinkedContacts unlinkedContacts;

    private ChangeBatch(String tenantId, ContactMapping mapping, InboundEffects.Loaded loaded) {
        this.tenantId = tenantId;
        this.mapping = mapping;
        this.loaded = loaded;
        this.unlinkedContacts = new UnlinkedContacts(tenantId, mapping, loaded.offerUnlinkedContacts(), deliveries, log);
    }

    static ChangeBatch decide(String tenantId, ContactMapping mapping, InboundEffects.Loaded loaded,
            List<SalesforceChange> changes) {
        ChangeBatch batch = new ChangeBatch(tenantId, mapping, loaded);
        for (SalesforceChange change : changes) {
            for (String recordId : change.recordIds()) {
                batch.decide(change, recordId);
            }
        }
        return batch;
    }

    private void decide(SalesforceChange change, String recordId) {
        InboundRecord record = loaded.records().get(recordId);
        if (record != null && record.isOlderThanApplied(change.changedAt())) {
            stale(change, record);
            return;
        }
        InboundLink link = loaded.links().get(recordId);
        if ((link == null || link.deleted) && change.kind() == ChangeKind.UNDELETE && externalId(change) != null) {
            restored(change, recordId);
        } else if (link == null || link.deleted) {
            unlinkedContacts.decide(change, recordId, record);
        } else if (change.kind() == ChangeKind.DELETE) {
            deleted(change, recordId, link);
        } else {
            updated(change, recordId, link);
        }
        if (record != null) {
            record.applied(change.changedAt());
        }
    }

    /**
     * The source read the record before a newer change of it was applied (a catch-up, reconciliation,
     * gap fetch or Outbound Message racing the stream): applying it would send older values after
     * newer ones. Counted; logged at debug level, as it is the expected outcome of that race.
     */
    private void stale(SalesforceChange change, InboundRecord record) {
        stale++;
        Log.debugf("Tenant %s: %s %s of %s at %s (%s %s) is older than the change applied at %s; dropped", tenantId,
                change.objectType(), change.kind(), record.salesforceId, change.changedAt(), change.source(),
                change.sourceKey(), record.changedAt());
    }

    private void updated(SalesforceChange change, String recordId, InboundLink link) {
        FieldDecision.Decided decided = FieldDecision.decide(mapping, link, change);
        unchanged += decided.unchanged();
        if (!decided.fields().isEmpty()) {
            deliveries.add(QueuedDelivery.of(tenantId, change, recordId, link.memberId, link.salesforceId,
                    QueuedDelivery.UPDATED, decided.fields()));
        }
    }

    /** A merge re-points the link to the winner; a plain delete unlinks the member. */
    private void deleted(SalesforceChange change, String recordId, InboundLink link) {
        ObjectNode none = QueuedDelivery.JSON.createObjectNode();
        if (change.masterRecordId() != null) {
            link.salesforceId = change.masterRecordId();
            link.relinked = true;
            loaded.links().put(change.masterRecordId(), link);
            deliveries.add(QueuedDelivery.of(tenantId, change, recordId, link.memberId, link.salesforceId,
                    QueuedDelivery.RELINKED, none));
        } else {
            link.deleted = true;
            unlinked++;
            deliveries.add(QueuedDelivery.of(tenantId, change, recordId, link.memberId, recordId,
                    QueuedDelivery.UNLINKED, none));
        }
        loaded.links().remove(recordId);
        loaded.links().put("#" + link.memberId, link);
    }

    /**
     * A restored record names its member by the external id every write of ours set: the link comes
     * back ({@code member.relinked}) with the record's values, decided like any full-record change.
     */
    private void restored(SalesforceChange change, String recordId) {
        InboundLink link = new InboundLink(externalId(change), recordId, QueuedDelivery.JSON.createObjectNode(),
                QueuedDelivery.JSON.createObjectNode());
        link.relinked = true;
        // Deleted earlier in this batch: the restore wins, the link is kept rather than deleted.
        loaded.links().remove("#" + link.memberId);
        loaded.links().put(recordId, link);
        FieldDecision.Decided decided = FieldDecision.decide(mapping, link, change);
        deliveries.add(QueuedDelivery.of(tenantId, change, recordId, link.memberId, recordId,
                QueuedDelivery.RELINKED, decided.fields()));
    }

    private String externalId(SalesforceChange change) {
        String value = change.values().path(mapping.externalIdField()).asText("");
        return value.isBlank() ? null : value;
    }

    Collection<InboundRecord> records() {
        return loaded.records().values();
    }

    Collection<InboundLink> links() {
        return loaded.links().values().stream().distinct().toList();
    }

    List<QueuedDelivery> deliveries() {
        return deliveries;
    }

    List<InboundEffects.LogEntry> log() {
        return log;
    }

    InboundApplier.ApplyResult result(int echoes) {
        return new InboundApplier.ApplyResult(deliveries.size(), echoes, unchanged, unlinked, stale);
    }
}
