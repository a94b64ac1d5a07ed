package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the records a gap event names (or whose change came as a diff) from the org, SOQL
 * {@code queryAll} by id, and turns each into a full-record change; a record the org no longer has
 * at all becomes a DELETE. Runs outside any transaction. The fetched changes keep the event's
 * {@code changeOrigin}, and an event of the service's own write is not fetched at all: it is handed
 * to the applier as received, which drops it as an echo.
 */
@ApplicationScoped
class GapRecords {

    private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final List<String> LEAD_FIELDS = List.of("FirstName", "LastName", "Email", "Phone", "Company");

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;
    private final MappingService mappings;
    private final OwnWrites ownWrites;

    GapRecords(TenantCredentials credentials, SalesforceClient salesforce, MappingService mappings,
            OwnWrites ownWrites) {
        this.credentials = credentials;
        this.salesforce = salesforce;
        this.mappings = mappings;
        this.ownWrites = ownWrites;
    }

    Uni<List<SalesforceChange>> fetch(String tenantId, StreamEvent gap) {
        if (gap.change() != null && ownWrites.made(gap.change().changeOrigin())) {
            // Our own write: nothing to read back (an API call saved), and the applier counts the echo.
            return Uni.createFrom().item(List.of(gap.change()));
        }
        return mappings.contactMapping(tenantId)
                .map(mapping -> soql(gap, fields(gap.objectType(), mapping)))
                .chain(soql -> credentials.of(tenantId)
                        .chain(org -> salesforce.queryAll(org, soql).collect().asList()))
                .map(records -> changes(gap, records));
    }

    private static Set<String> fields(String objectType, ContactMapping mapping) {
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "IsDeleted", "SystemModstamp"));
        if ("Contact".equals(objectType)) {
            fields.add(mapping.externalIdField());
            mapping.fields().stream().map(FieldMapping::salesforceField).filter(f -> !f.contains("."))
                    .forEach(fields::add);
        } else {
            fields.addAll(LEAD_FIELDS);
        }
        return fields;
    }

    private static String soql(StreamEvent gap, Set<String> fields) {
        String ids = gap.recordIds().stream().map(id -> "'" + id.replace("'", "") + "'")
                .collect(Collectors.joining(","));
        return "SELECT " + String.join(", ", fields) + " FROM " + gap.objectType() + " WHERE Id IN (" + ids + ")";
    }

    private static List<SalesforceChange> changes(StreamEvent gap, List<JsonNode> records) {
        Map<String, JsonNode> byId = records.stream().collect(Collectors.toMap(r -> r.path("Id").asText(),
                Function.identity(), (a, b) -> a));
        List<SalesforceChange> changes = new ArrayList<>();
        for (String id : gap.recordIds()) {
            JsonNode record = byId.get(id);
            changes.add(record == null ? gone(gap, id) : present(gap, id, (ObjectNode) record));
        }
        return changes;
    }

    private static SalesforceChange present(StreamEvent gap, String id, ObjectNode record) {
        ObjectNode values = record.deepCopy();
        values.remove("attributes");
        boolean deleted = values.path("IsDeleted").asBoolean(false);
        return new SalesforceChange(gap.objectType(), deleted ? ChangeKind.DELETE : ChangeKind.UPDATE, List.of(id),
                values, true, modstamp(values, gap.committedAt()), origin(gap), null, ChangeSource.CDC,
                Long.toString(gap.replayId()));
    }

    private static SalesforceChange gone(StreamEvent gap, String id) {
        return new SalesforceChange(gap.objectType(), ChangeKind.DELETE, List.of(id),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), false, gap.committedAt(),
                origin(gap), null, ChangeSource.CDC, Long.toString(gap.replayId()));
    }

    /** Who made the change the event reports, as the event said (gap events often say nothing). */
    private static String origin(StreamEvent gap) {
        return gap.change() == null ? null : gap.change().changeOrigin();
    }

    private static Instant modstamp(ObjectNode values, Instant fallback) {
        String stamp = values.path("SystemModstamp").asText(null);
        if (stamp == null) {
            return fallback;
        }
        return SALESFORCE_TIME.parse(stamp, Instant::from);
    }
}
