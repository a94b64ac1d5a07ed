package io.memberpulse.salesforce.emulator;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The objects an org holds, looked up case-insensitively. */
public final class OrgSchema {

    /** System fields every object carries; read-only. */
    static final List<Field> SYSTEM_FIELDS = List.of(
            new Field("Id", FieldType.ID, "Record ID", 18, false, false, true, false, false, false,
                    List.of(), false, List.of(), null, null),
            Field.bool("IsDeleted").withLabel("Deleted").readOnly(),
            Field.dateTime("CreatedDate").withLabel("Created Date").readOnly().notNillable(),
            Field.reference("CreatedById", "CreatedBy", "User").withLabel("Created By ID").readOnly(),
            Field.dateTime("LastModifiedDate").withLabel("Last Modified Date").readOnly().notNillable(),
            Field.reference("LastModifiedById", "LastModifiedBy", "User").withLabel("Last Modified By ID")
                    .readOnly(),
            Field.dateTime("SystemModstamp").withLabel("System Modstamp").readOnly().notNillable());

    private final Map<String, SObjectType> types = new ConcurrentHashMap<>();
    private final AtomicInteger customPrefixes = new AtomicInteger(0);

    /** Declares an object with the system fields; custom objects get an {@code a0X}-style prefix. */
    public SObjectType declareObject(String name) {
        return types.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> newType(name));
    }

    /** Declares a field on an object, declaring the object if needed. */
    public OrgSchema declareField(String objectName, Field field) {
        declareObject(objectName).field(field);
        return this;
    }

    public Optional<SObjectType> find(String name) {
        return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The object whose ids start with the given key prefix. */
    public Optional<SObjectType> byPrefix(String keyPrefix) {
        return types.values().stream().filter(t -> t.keyPrefix().equals(keyPrefix)).findFirst();
    }

    public Collection<SObjectType> types() {
        return List.copyOf(types.values());
    }

    private SObjectType newType(String name) {
        String prefix = SalesforceIds.PREFIXES.get(name);
        if (prefix == null) {
            int n = customPrefixes.getAndIncrement();
            prefix = "a0" + "XYZWVUTSRQ".charAt(n % 10);
        }
        SObjectType type = new SObjectType(name, prefix);
        SYSTEM_FIELDS.forEach(type::field);
        return type;
    }
}
