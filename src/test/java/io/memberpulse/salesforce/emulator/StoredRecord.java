package io.memberpulse.salesforce.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable snapshot of one record: its object name and field values under their declared
 * names (Id and system fields included). Writes replace the snapshot.
 */
public record StoredRecord(String type, Map<String, Object> fields) {

    public StoredRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String id() {
        return (String) fields.get("Id");
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(fields.get("IsDeleted"));
    }

    public Object get(String field) {
        return fields.get(field);
    }

    /** A copy with some values replaced. */
    public StoredRecord with(Map<String, Object> changes) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.putAll(changes);
        return new StoredRecord(type, copy);
    }
}
