package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One org's records, deleted ones included (for queryAll). Reads are lock-free; writes go through
 * {@link OrgTransaction}, which holds the org's write lock.
 */
public final class RecordStore {

    private final Map<String, StoredRecord> byId = new ConcurrentHashMap<>();
    /**
     * Text values per "type|field", lower-cased, built on first lookup: upserts look records up by
     * external id, and a scan of every record per lookup made big orgs slow in a way Salesforce is not.
     */
    private final Map<String, Map<String, java.util.Set<String>>> index = new ConcurrentHashMap<>();

    private static String ix(String type, String field) {
        return type.toLowerCase() + "|" + field;
    }

    private synchronized Map<String, java.util.Set<String>> indexOf(String type, String field) {
        return index.computeIfAbsent(ix(type, field), k -> {
            Map<String, java.util.Set<String>> m = new ConcurrentHashMap<>();
            for (StoredRecord r : byId.values()) {
                if (r.type().equalsIgnoreCase(type) && r.get(field) instanceof String v) {
                    m.computeIfAbsent(v.toLowerCase(), x -> ConcurrentHashMap.newKeySet()).add(r.id());
                }
            }
            return m;
        });
    }

    private synchronized void reindex(StoredRecord old, StoredRecord now) {
        for (Map.Entry<String, Map<String, java.util.Set<String>>> e : index.entrySet()) {
            String field = e.getKey().substring(e.getKey().indexOf('|') + 1);
            String type = e.getKey().substring(0, e.getKey().indexOf('|'));
            if (old != null && old.type().equalsIgnoreCase(type) && old.get(field) instanceof String v) {
                java.util.Set<String> ids = e.getValue().get(v.toLowerCase());
                if (ids != null) {
                    ids.remove(old.id());
                }
            }
            if (now != null && now.type().equalsIgnoreCase(type) && now.get(field) instanceof String v) {
                e.getValue().computeIfAbsent(v.toLowerCase(), x -> ConcurrentHashMap.newKeySet()).add(now.id());
            }
        }
    }

    public Optional<StoredRecord> find(String id) {
        if (id == null || !SalesforceIds.isWellFormed(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(SalesforceIds.normalize(id)));
    }

    /** Live and deleted records of one object, in creation order. */
    public List<StoredRecord> all(String type) {
        return byId.values().stream()
                .filter(r -> r.type().equalsIgnoreCase(type))
                .sorted((a, b) -> compareCreation(a, b))
                .collect(Collectors.toList());
    }

    /** Live records of an object whose field equals the value (case-insensitive for text, like Salesforce). */
    public List<StoredRecord> findBy(String type, String field, Object value) {
        List<StoredRecord> matches = new ArrayList<>();
        if (value instanceof String text) {
            for (String id : indexOf(type, field).getOrDefault(text.toLowerCase(), java.util.Set.of())) {
                StoredRecord r = byId.get(id);
                if (r != null && !r.isDeleted() && valueEquals(r.get(field), value)) {
                    matches.add(r);
                }
            }
            return matches;
        }
        for (StoredRecord r : all(type)) {
            if (!r.isDeleted() && valueEquals(r.get(field), value)) {
                matches.add(r);
            }
        }
        return matches;
    }

    public int size() {
        return byId.size();
    }

    void put(StoredRecord record) {
        reindex(byId.put(record.id(), record), record);
    }

    void remove(String id) {
        reindex(byId.remove(id), null);
    }

    void clear() {
        byId.clear();
        index.clear();
    }

    static boolean valueEquals(Object a, Object b) {
        if (a instanceof String && b instanceof String) {
            return ((String) a).equalsIgnoreCase((String) b);
        }
        if (a instanceof Number && b instanceof Number) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static int compareCreation(StoredRecord a, StoredRecord b) {
        int byDate = String.valueOf(a.get("CreatedDate")).compareTo(String.valueOf(b.get("CreatedDate")));
        return byDate != 0 ? byDate : a.id().compareTo(b.id());
    }
}
