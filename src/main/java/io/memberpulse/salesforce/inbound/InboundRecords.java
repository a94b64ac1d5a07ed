package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code inbound_record} rows of the records a batch names, in the caller's transaction. Locking
 * comes first in every apply: the rows are created or locked in id order (so two batches naming the
 * same records never deadlock) and stay locked until the transaction ends, so two applies of one
 * record, from whatever sources, run one after the other and the second sees what the first did.
 */
@ApplicationScoped
class InboundRecords {

    // One statement: create the missing rows, lock all of them, answer their state.
    private static final String LOCK = "with p as (select cast(?1 as text) as tenant, cast(cast(?2 as text) as jsonb) "
            + "as ids), locked as (insert into inbound_record (tenant_id, salesforce_id) select p.tenant, i.id "
            + "from p, jsonb_array_elements_text(p.ids) as i(id) order by i.id on conflict (tenant_id, salesforce_id) "
            + "do update set updated_at = now() returning salesforce_id, changed_at, offered) "
            + "select coalesce(json_agg(json_build_object('id', salesforce_id, 'changedAt', changed_at, "
            + "'offered', offered)), '[]'::json)::text from locked";

    private static final String STORE = "with p as (select cast(?1 as text) as tenant, cast(cast(?2 as text) as jsonb) "
            + "as recs) update inbound_record r set changed_at = greatest(r.changed_at, cast(x.\"changedAt\" as "
            + "timestamptz)), offered = x.offered, updated_at = now() from p, jsonb_to_recordset(p.recs) as "
            + "x(id text, \"changedAt\" text, offered jsonb) where r.tenant_id = p.tenant and r.salesforce_id = x.id";

    private final CallerTransaction tx;

    InboundRecords(CallerTransaction tx) {
        this.tx = tx;
    }

    /** Locks (creating where missing) the rows of {@code salesforceIds}; answers their state by id. */
    Uni<Map<String, InboundRecord>> lock(String tenantId, Collection<String> salesforceIds) {
        ArrayNode ids = QueuedDelivery.JSON.createArrayNode();
        new TreeSet<>(salesforceIds).forEach(ids::add);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return tx.text(LOCK, tenantId, ids.toString())
                .map(InboundRecords::records);
    }

    /** Writes back the records a batch changed. */
    Uni<Void> store(String tenantId, Collection<InboundRecord> records) {
        ArrayNode rows = QueuedDelivery.JSON.createArrayNode();
        for (InboundRecord record : records) {
            if (record.dirty()) {
                ObjectNode row = rows.addObject().put("id", record.salesforceId);
                row.put("changedAt", record.changedAt() == null ? null : record.changedAt().toString());
                row.set("offered", record.offered());
            }
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : tx.execute(STORE, tenantId, rows.toString()).replaceWithVoid();
    }

    private static Map<String, InboundRecord> records(String json) {
        Map<String, InboundRecord> records = new HashMap<>();
        for (JsonNode row : InboundPositions.read(json)) {
            JsonNode changedAt = row.get("changedAt");
            Instant at = changedAt == null || changedAt.isNull() ? null
                    : OffsetDateTime.parse(changedAt.asText()).toInstant();
            records.put(row.get("id").asText(), new InboundRecord(row.get("id").asText(), at,
                    (ObjectNode) row.get("offered")));
        }
        return records;
    }
}
