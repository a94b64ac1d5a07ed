package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import java.util.List;

/**
 * The decisions of one batch about Contacts linked to no member: a sync-log line per live change,
 * and, when the tenant opted in, a {@code member.unlinked_contact} offer once per change of the
 * Contact, whichever sources see it (CDC, then reconciliation or an Outbound Message reading it back).
 */
final class UnlinkedContacts {

    private static final String CONTACT = "Contact";

    private final String tenantId;
    private final ContactMapping mapping;
    private final boolean offer;
    private final List<QueuedDelivery> deliveries;
    private final List<InboundEffects.LogEntry> log;

    UnlinkedContacts(String tenantId, ContactMapping mapping, boolean offer, List<QueuedDelivery> deliveries,
            List<InboundEffects.LogEntry> log) {
        this.tenantId = tenantId;
        this.mapping = mapping;
        this.offer = offer;
        this.deliveries = deliveries;
        this.log = log;
    }

    /** Decides a change of {@code recordId}, linked to no member; {@code record} is its locked state. */
    void decide(SalesforceChange change, String recordId, InboundRecord record) {
        if (!CONTACT.equals(change.objectType()) || change.kind() == ChangeKind.DELETE) {
            return;
        }
        if (!offer) {
            // Catch-ups re-read every Contact of the org in their window: one line per live change is enough.
            if (!isReRead(change)) {
                log.add(line(change, recordId, ""));
            }
            return;
        }
        ObjectNode fields = readable(change);
        if (record != null && !record.offers(fields, change.changedAt())) {
            return;
        }
        log.add(line(change, recordId, "; offered to MemberPulse as member.unlinked_contact"));
        deliveries.add(QueuedDelivery.of(tenantId, change, recordId, null, recordId,
                QueuedDelivery.UNLINKED_CONTACT, fields));
        if (record != null) {
            record.offered(fields);
        }
    }

    private static InboundEffects.LogEntry line(SalesforceChange change, String recordId, String offered) {
        return new InboundEffects.LogEntry(null, recordId, "INBOUND_CHANGE", "SKIPPED", "Salesforce Contact "
                + recordId + " changed (" + change.kind() + " via " + change.source() + ") but is linked to no member"
                + offered);
    }

    private static boolean isReRead(SalesforceChange change) {
        return change.source() == ChangeSource.CATCH_UP || change.source() == ChangeSource.RECONCILIATION;
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
}
