package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The decisions for one batch of changes, made in memory in list order: which deliveries to queue,
 * which links change, which log lines to write. Earlier changes of the batch update the links that
 * later ones see, exactly as if each change had been applied alone.
 */
final class ChangeBatch {

    private static final String CONTACT = "Contact";

    private final String tenantId;
    private final ContactMapping mapping;
    private final InboundEffects.Loaded loaded;
    private final List<QueuedDelivery> deliveries = new ArrayList<>();
    private final List<InboundEffects.LogEntry> log = new ArrayList<>();
    private int unchanged;
    private int unlinked;

    private ChangeBatch(String tenantId, ContactMapping mapping, InboundEffects.Loaded loaded) {
        this.tenantId = tenantId;
        this.mapping = mapping;
        this.loaded = loaded;
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
        InboundLink link = loaded.links().get(recordId);
        if (link == null || link.deleted) {
            unlinkedRecord(change, recordId);
        } else if (change.kind() == ChangeKind.DELETE) {
            deleted(change, recordId, link);
        } else {
            updated(change, recordId, link);
        }
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

    /** A Contact linked to no member: logged, and offered to MemberPulse only when the tenant opted in. */
    private void unlinkedRecord(SalesforceChange change, String recordId) {
        if (!CONTACT.equals(change.objectType()) || change.kind() == ChangeKind.DELETE) {
            return;
        }
        log.add(new InboundEffects.LogEntry(null, recordId, "INBOUND_CHANGE", "SKIPPED",
                "Salesforce Contact " + recordId + " changed (" + change.kind() + " via " + change.source()
                        + ") but is linked to no member" + (loaded.offerUnlinkedContacts()
                        ? "; offered to MemberPulse as member.unlinked_contact" : "")));
        if (loaded.offerUnlinkedContacts()) {
            deliveries.add(QueuedDelivery.of(tenantId, change, recordId, null, recordId,
                    QueuedDelivery.UNLINKED_CONTACT, readable(change)));
        }
    }

    /** Every mapped value Salesforce may send, by MemberPulse field name (no link: nothing to compare). */
    private ObjectNode readable(SalesforceChange change) {
        ObjectNode fields = QueuedDelivery.JSON.createObjectNode();
        for (FieldMapping field : mapping.fields()) {
            if (field.rule().readsFromSalesforce() && change.values().has(field.salesforceField())) {
                fields.set(field.memberPulseField().json(), change.values().get(field.salesforceField()));
            }
        }
        return fields;
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
        return new InboundApplier.ApplyResult(deliveries.size(), echoes, unchanged, unlinked);
    }
}
