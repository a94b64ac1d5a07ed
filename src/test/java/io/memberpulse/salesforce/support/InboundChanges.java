package io.memberpulse.salesforce.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.inbound.ChangeKind;
import io.memberpulse.salesforce.inbound.ChangeSource;
import io.memberpulse.salesforce.inbound.InboundApplier;
import io.memberpulse.salesforce.inbound.SalesforceChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds {@link SalesforceChange}s as CDC would deliver them and applies them the way sources must. */
public final class InboundChanges {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong REPLAY = new AtomicLong(1000);

    private InboundChanges() {
    }

    /** A CDC UPDATE of one Contact with the given values (pairs of field name and value), committed at {@code at}. */
    public static SalesforceChange update(String contactId, Instant at, Object... fieldsAndValues) {
        return change("Contact", ChangeKind.UPDATE, contactId, at, null, null, values(fieldsAndValues));
    }

    public static SalesforceChange change(String objectType, ChangeKind kind, String recordId, Instant at,
            String changeOrigin, String masterRecordId, ObjectNode values) {
        return new SalesforceChange(objectType, kind, List.of(recordId), values, false, at, changeOrigin,
                masterRecordId, ChangeSource.CDC, String.valueOf(REPLAY.incrementAndGet()));
    }

    public static ObjectNode values(Object... fieldsAndValues) {
        ObjectNode values = JSON.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return values;
    }

    /** Applies in a transaction of its own, as a source does, and waits for the result. */
    public static InboundApplier.ApplyResult apply(InboundApplier applier, String tenantId,
            List<SalesforceChange> changes) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> applier.apply(tenantId, changes)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
