package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.DeletedMemberPolicy;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One planning transaction of one tenant: the locked events, folded per member, operation and item
 * key into pending writes (existing ones updated, new ones created): the Contact write by this class,
 * every other kind by the features' {@link WorkPlanner}s through this round as their {@link PlanSink};
 * plus the companies the Contact writes name, and the Account each will lock.
 */
final class PlanningRound implements PlanSink {

    /** Member fields that {@code member.upserted} may carry. */
    static final List<String> PROFILE_FIELDS = List.of("email", "firstName", "lastName", "phone", "company",
            "membershipStatus");

    final String tenantId;
    final List<Long> eventIds = new ArrayList<>();
    final Map<String, PlannedChange> changes = new LinkedHashMap<>();
    private final ContactMapping mapping;
    private final List<WorkPlanner.EventFolder> folders;
    private final Map<String, String> linkedCompanyKeys = new LinkedHashMap<>();

    PlanningRound(String tenantId, ContactMapping mapping, List<WorkPlanner.EventFolder> folders) {
        this.tenantId = tenantId;
        this.mapping = mapping;
        this.folders = folders;
    }

    /** Folds the locked events into per-member changes (not yet merged with pending ones). */
    void fold(RowSet<Row> events) {
        for (Row event : events) {
            eventIds.add(event.getLong("id"));
            PlannedEvent planned = new PlannedEvent(event.getString("event_id"), event.getString("type"),
                    event.getString("member_id"), event.getOffsetDateTime("occurred_at").toInstant(),
                    parse(event.getString("data")));
            apply(planned.memberId(), planned.type(), planned.occurredAt(), planned.data());
            for (WorkPlanner.EventFolder folder : folders) {
                folder.fold(planned, this);
            }
        }
    }

    @Override
    public void contactField(String memberId, String field, JsonNode value, Instant occurredAt) {
        change(memberId).set(field, value, occurredAt);
    }

    @Override
    public void work(String operation, String memberId, String itemKey, ObjectNode fields, Instant occurredAt) {
        PlannedChange change = changes.computeIfAbsent(PlannedChange.key(memberId, operation, itemKey),
                key -> PlannedChange.fresh(memberId, operation, itemKey));
        fields.fields().forEachRemaining(entry -> change.set(entry.getKey(), entry.getValue(), occurredAt));
    }

    private void apply(String memberId, String type, Instant occurredAt, JsonNode data) {
        switch (type) {
            case "member.upserted":
                change(memberId).setAll(data, PROFILE_FIELDS, occurredAt);
                break;
            case "membership.status_changed":
                change(memberId).set("membershipStatus", data.get("status"), occurredAt);
                break;
            case "member.deleted":
                if (mapping.deletedMemberPolicy() == DeletedMemberPolicy.CLEAR_STATUS) {
                    change(memberId).set("membershipStatus", null, occurredAt);
                }
                break;
            default:
                // Stored for the feature work (tags, activities, tickets); no Contact change yet.
                break;
        }
    }

    private PlannedChange change(String memberId) {
        return changes.computeIfAbsent(PlannedChange.key(memberId, OutboundOperation.CONTACT_UPSERT, ""),
                key -> PlannedChange.fresh(memberId, OutboundOperation.CONTACT_UPSERT, ""));
    }

    List<String> memberIds() {
        return changes.values().stream().map(c -> c.memberId).distinct().toList();
    }

    /** Every change (member, operation, item key), for locking the pending items they fold into. */
    List<PlannedChange> all() {
        return new ArrayList<>(changes.values());
    }

    /** Pending writes already waiting for these members absorb the new changes. */
    void mergePending(RowSet<Row> pending) {
        for (Row row : pending) {
            String key = PlannedChange.key(row.getString("member_id"), row.getString("operation"),
                    row.getString("item_key"));
            PlannedChange fresh = changes.get(key);
            PlannedChange merged = new PlannedChange(fresh.memberId, fresh.operation, fresh.itemKey,
                    (ObjectNode) parse(row.getString("fields")), (ObjectNode) parse(row.getString("times")),
                    row.getLong("id"));
            merged.absorbOlder(fresh.fields, fresh.fieldTimes);
            changes.put(key, merged);
        }
    }

    void rememberLinkedCompanies(RowSet<Row> links) {
        for (Row row : links) {
            linkedCompanyKeys.put(row.getString("member_id"), row.getString("name_key"));
        }
    }

    List<PlannedChange> toUpdate() {
        return changes.values().stream().filter(c -> c.existingId != null && !c.isEmpty()).toList();
    }

    List<PlannedChange> toInsert() {
        return changes.values().stream().filter(c -> c.existingId == null && !c.isEmpty()).toList();
    }

    /**
     * The Account each change will lock in Salesforce, by company key: the company it names, else
     * the one it is linked to. Claims keep two batches with the same key from being in flight at once.
     */
    String[] companyKeysOf(List<PlannedChange> planned) {
        String[] keys = new String[planned.size()];
        for (int i = 0; i < planned.size(); i++) {
            PlannedChange change = planned.get(i);
            String company = change.company();
            keys[i] = !change.isContact() ? null : company != null && !company.isBlank() ? CompanyKeys.of(company)
                    : linkedCompanyKeys.get(change.memberId);
        }
        return keys;
    }

    /** Company keys and names the changes mention, once each. */
    Map<String, String> companies() {
        Map<String, String> companies = new LinkedHashMap<>();
        for (PlannedChange change : changes.values()) {
            String company = change.company();
            if (company != null && !company.isBlank()) {
                companies.putIfAbsent(CompanyKeys.of(company), company.trim());
            }
        }
        return companies;
    }

    boolean hasWork() {
        return !toUpdate().isEmpty() || !toInsert().isEmpty();
    }

    private static JsonNode parse(String json) {
        try {
            return PlannedChange.JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid", e);
        }
    }
}
