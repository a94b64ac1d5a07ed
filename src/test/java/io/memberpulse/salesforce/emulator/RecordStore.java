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
        byId.put(record.id(), record);
    }

    void remove(String id) {
        byId.remove(id);
    }

    void clear() {
        byId.clear();
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
