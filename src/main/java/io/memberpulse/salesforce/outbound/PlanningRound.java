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
 * One planning transaction of one tenant: the locked events, folded per member into the pending
 * Contact writes (existing ones updated, new ones created), the companies they name, and the Account each will lock.
 */
final class PlanningRound {

    /** Member fields that {@code member.upserted} may carry. */
    static final List<String> PROFILE_FIELDS = List.of("email", "firstName", "lastName", "phone", "company",
            "membershipStatus");

    final String tenantId;
    final List<Long> eventIds = new ArrayList<>();
    final Map<String, PlannedChange> changes = new LinkedHashMap<>();
    private final ContactMapping mapping;
    private final Map<String, String> linkedCompanyKeys = new LinkedHashMap<>();

    PlanningRound(String tenantId, ContactMapping mapping) {
        this.tenantId = tenantId;
        this.mapping = mapping;
    }

    /** Folds the locked events into per-member changes (not yet merged with pending ones). */
    void fold(RowSet<Row> events) {
        for (Row event : events) {
            eventIds.add(event.getLong("id"));
            apply(event.getString("member_id"), event.getString("type"),
                    event.getOffsetDateTime("occurred_at").toInstant(), parse(event.getString("data")));
        }
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
        return changes.computeIfAbsent(memberId, PlannedChange::fresh);
    }

    List<String> memberIds() {
        return new ArrayList<>(changes.keySet());
    }

    /** Pending writes already waiting for these members absorb the new changes. */
    void mergePending(RowSet<Row> pending) {
        for (Row row : pending) {
            PlannedChange fresh = changes.get(row.getString("member_id"));
            PlannedChange merged = new PlannedChange(fresh.memberId, (ObjectNode) parse(row.getString("fields")),
                    (ObjectNode) parse(row.getString("times")), row.getLong("id"));
            merged.absorbOlder(fresh.fields, fresh.fieldTimes);
            changes.put(merged.memberId, merged);
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
            keys[i] = company != null && !company.isBlank() ? CompanyKeys.of(company)
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
