package io.memberpulse.salesforce.tenant;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One settings change: who, when, which fields (by JSON name; never the values of secrets). */
@Schema(name = "ConnectionAuditEntry")
public record AuditEntryView(long id, ConnectionAudit.Action action, String actor, List<String> changedFields,
        Instant occurredAt) {

    static AuditEntryView of(ConnectionAudit entry) {
        List<String> fields = entry.changedFields.isEmpty() ? List.of() : List.of(entry.changedFields.split(","));
        return new AuditEntryView(entry.id, entry.action, entry.actor, fields, entry.occurredAt);
    }
}
