package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes what the applier needs, in the caller's transaction: the records a batch names
 * (locked first, {@link InboundRecords}, so concurrent sources of one record apply one after the
 * other) and their member links, the tenant's opt-in for unlinked Contacts, and then the batch's
 * effects in a few set-based statements.
 */
@ApplicationScoped
class InboundEffects {

    /**
     * The links of the records a batch names, by Salesforce id, the tenant's unlinked-Contact opt-in,
     * and the records' own state (locked), by Salesforce id.
     */
    record Loaded(Map<String, InboundLink> links, boolean offerUnlinkedContacts, Map<String, InboundRecord> records) {
    }

    /** A sync-log line of the inbound side. */
    record LogEntry(String memberId, String salesforceId, String operation, String outcome, String message) {
    }

    // Hibernate numbers each occurrence of a parameter anew: every parameter is used once, in p.
    private static final String LOAD = "with p as (select cast(?1 as text) as tenant, cast(cast(?2 as text) as jsonb) as ids) "
            + "select json_build_object("
            + "'offer', coalesce((select s.offer_unlinked_contacts from sync_settings s, p where s.tenant_id = p.tenant), "
            + "false), 'links', coalesce((select json_agg(json_build_object('memberId', l.member_id, 'salesforceId', "
            + "l.salesforce_id, 'lastWritten', l.last_written, 'fieldTimes', l.field_times)) from (select m.* "
            + "from member_link m, p where m.tenant_id = p.tenant and m.salesforce_id in (select "
            + "jsonb_array_elements_text(p.ids)) order by m.member_id for update of m) l), '[]'::json))::text";

    private static final String UPDATE_LINKS = "with p as (select cast(?1 as text) as tenant), "
            + "r as (select * from jsonb_to_recordset(cast(cast(?2 as text) as jsonb)) "
            + "as r(\"memberId\" text, \"salesforceId\" text, written jsonb, deleted boolean)), "
            + "gone as (delete from member_link l using r, p where l.tenant_id = p.tenant and l.member_id = r.\"memberId\" "
            + "and r.deleted returning 1) "
            // an upsert: a restored record brings its link back
            + "insert into member_link (tenant_id, member_id, salesforce_id, last_written, last_written_at) "
            + "select p.tenant, r.\"memberId\", r.\"salesforceId\", r.written, now() from r, p where not r.deleted "
            + "on conflict (tenant_id, member_id) do update set salesforce_id = excluded.salesforce_id, "
            + "last_written = member_link.last_written || excluded.last_written";

    private static final String QUEUE = "insert into webhook_delivery (delivery_id, tenant_id, order_key, member_id, "
            + "salesforce_id, change_type, body, dedupe_key, source, changed_at) select r.\"deliveryId\", ?1, "
            + "r.\"orderKey\", r.\"memberId\", r.\"salesforceId\", r.\"changeType\", r.body, r.\"dedupeKey\", r.source, "
            + "cast(r.\"changedAt\" as timestamptz) from jsonb_to_recordset(cast(cast(?2 as text) as jsonb)) "
            + "as r(\"deliveryId\" text, \"orderKey\" text, \"memberId\" text, \"salesforceId\" text, "
            + "\"changeType\" text, body text, \"dedupeKey\" text, source text, \"changedAt\" text, ord int) "
            + "order by r.ord on conflict (tenant_id, dedupe_key) do nothing";

    private static final String LOG = "insert into sync_log (tenant_id, member_id, operation, salesforce_id, outcome, "
            + "error_message, attempts) select ?1, r.\"memberId\", r.operation, r.\"salesforceId\", r.outcome, "
            + "r.message, 1 from jsonb_to_recordset(cast(cast(?2 as text) as jsonb)) as r(\"memberId\" text, "
            + "\"salesforceId\" text, operation text, outcome text, message text, ord int) order by r.ord";

    private final CallerTransaction tx;
    private final InboundRecords records;

    InboundEffects(CallerTransaction tx, InboundRecords records) {
        this.tx = tx;
        this.records = records;
    }

    /** Locks the records first (every apply does, in id order), then loads their links and the opt-in. */
    Uni<Loaded> load(String tenantId, Collection<String> salesforceIds) {
        return records.lock(tenantId, salesforceIds)
                .chain(locked -> loadLinks(tenantId, salesforceIds, locked));
    }

    private Uni<Loaded> loadLinks(String tenantId, Collection<String> salesforceIds,
            Map<String, InboundRecord> locked) {
        ArrayNode ids = QueuedDelivery.JSON.createArrayNode();
        salesforceIds.forEach(ids::add);
        return tx.text(LOAD, tenantId, ids.toString())
                .map(json -> loaded(json, locked));
    }

    /**
     * Writes the records' new state and the changed links, queues the deliveries (once per dedupe
     * key) and appends the log lines.
     */
    Uni<Void> record(String tenantId, ChangeBatch batch) {
        return records.store(tenantId, batch.records())
                .chain(() -> updateLinks(tenantId, batch.links()))
                .chain(() -> queue(tenantId, batch.deliveries()))
                .chain(() -> log(tenantId, batch.log()));
    }

    private Uni<Void> updateLinks(String tenantId, Collection<InboundLink> links) {
        ArrayNode rows = QueuedDelivery.JSON.createArrayNode();
        for (InboundLink link : links) {
            if (link.changed()) {
                rows.addObject().put("memberId", link.memberId).put("salesforceId", link.salesforceId)
                        .put("deleted", link.deleted).set("written", link.written);
            }
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : tx.execute(UPDATE_LINKS, tenantId, rows.toString()).replaceWithVoid();
    }

    private Uni<Void> queue(String tenantId, List<QueuedDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = QueuedDelivery.JSON.createArrayNode();
        for (QueuedDelivery d : deliveries) {
            rows.addObject().put("ord", rows.size()).put("deliveryId", d.deliveryId()).put("orderKey", d.orderKey())
                    .put("memberId", d.memberId()).put("salesforceId", d.salesforceId())
                    .put("changeType", d.changeType()).put("body", d.body()).put("dedupeKey", d.dedupeKey())
                    .put("source", d.source()).put("changedAt", d.changedAt().toString());
        }
        return tx.execute(QUEUE, tenantId, rows.toString())
                .replaceWithVoid();
    }

    private Uni<Void> log(String tenantId, List<LogEntry> log) {
        if (log.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = QueuedDelivery.JSON.createArrayNode();
        for (LogEntry entry : log) {
            rows.addObject().put("ord", rows.size()).put("memberId", entry.memberId())
                    .put("salesforceId", entry.salesforceId()).put("operation", entry.operation())
                    .put("outcome", entry.outcome()).put("message", entry.message());
        }
        return tx.execute(LOG, tenantId, rows.toString())
                .replaceWithVoid();
    }

    private static Loaded loaded(String json, Map<String, InboundRecord> records) {
        JsonNode root = InboundPositions.read(json);
        Map<String, InboundLink> links = new HashMap<>();
        for (JsonNode row : root.get("links")) {
            links.put(row.get("salesforceId").asText(), new InboundLink(row.get("memberId").asText(),
                    row.get("salesforceId").asText(), (ObjectNode) row.get("lastWritten"),
                    (ObjectNode) row.get("fieldTimes")));
        }
        return new Loaded(links, root.get("offer").asBoolean(), records);
    }
}
