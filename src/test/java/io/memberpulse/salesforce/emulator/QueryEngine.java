package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a parsed SOQL query over an org's records and renders the rows the REST API returns. */
final class QueryEngine {

    private final RecordStore store;
    private final String prefix;

    QueryEngine(RecordStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    /** Matching records, ordered and limited; {@code all} includes deleted records (queryAll). */
    List<StoredRecord> run(SoqlQuery query, boolean all) {
        List<StoredRecord> rows = new ArrayList<>();
        for (StoredRecord r : store.all(query.from().name())) {
            if ((all || !r.isDeleted()) && (query.where() == null || query.where().test(p -> value(r, p)))) {
                rows.add(r);
            }
        }
        if (!query.orderBy().isEmpty()) {
            rows.sort(comparator(query.orderBy()));
        }
        int from = query.offset() == null ? 0 : Math.min(query.offset(), rows.size());
        int to = query.limit() == null ? rows.size() : Math.min(rows.size(), from + query.limit());
        return new ArrayList<>(rows.subList(from, to));
    }

    /** One result row: attributes, then the selected fields; relationship fields nest with their own attributes. */
    @SuppressWarnings("unchecked")
    Map<String, Object> render(SoqlQuery query, StoredRecord record) {
        Map<String, Object> row = Json.obj("attributes", RecordJson.attributes(prefix, record.type(), record.id()));
        for (SoqlQuery.FieldPath path : query.fields()) {
            Map<String, Object> target = row;
            StoredRecord current = record;
            for (Field rel : path.relationships()) {
                StoredRecord parent = parent(current, rel);
                if (parent == null) {
                    target.put(rel.relationshipName(), null);
                    target = null;
                    break;
                }
                Object existing = target.get(rel.relationshipName());
                if (!(existing instanceof Map)) {
                    existing = Json.obj("attributes", RecordJson.attributes(prefix, parent.type(), parent.id()));
                    target.put(rel.relationshipName(), existing);
                }
                target = (Map<String, Object>) existing;
                current = parent;
            }
            if (target != null) {
                target.put(path.field().name(), current.get(path.field().name()));
            }
        }
        return row;
    }

    Object value(StoredRecord record, SoqlQuery.FieldPath path) {
        StoredRecord current = record;
        for (Field rel : path.relationships()) {
            current = parent(current, rel);
            if (current == null) {
                return null;
            }
        }
        return current.get(path.field().name());
    }

    private StoredRecord parent(StoredRecord record, Field reference) {
        Object id = record.get(reference.name());
        return id == null ? null : store.find(id.toString()).filter(r -> !r.isDeleted()).orElse(null);
    }

    private Comparator<StoredRecord> comparator(List<SoqlQuery.Order> orders) {
        Comparator<StoredRecord> result = null;
        for (SoqlQuery.Order order : orders) {
            Comparator<StoredRecord> c = (a, b) -> compare(order, value(a, order.path()), value(b, order.path()));
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    private static int compare(SoqlQuery.Order order, Object a, Object b) {
        if (a == null || b == null) {
            int nulls = a == null && b == null ? 0 : a == null ? -1 : 1;
            return order.nullsLast() ? -nulls : nulls;
        }
        int cmp = a instanceof Number && b instanceof Number
                ? Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue())
                : a.toString().compareToIgnoreCase(b.toString());
        return order.descending() ? -cmp : cmp;
    }

    static Map<String, Object> page(int totalSize, boolean done, String nextRecordsUrl, List<Map<String, Object>> rows) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("totalSize", totalSize);
        json.put("done", done);
        if (nextRecordsUrl != null) {
            json.put("nextRecordsUrl", nextRecordsUrl);
        }
        json.put("records", rows);
        return json;
    }
}
