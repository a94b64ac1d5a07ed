package io.memberpulse.salesforce.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write transaction on one org: holds the org's write lock, validates and applies saves, keeps
 * an undo log for allOrNone rollback, and publishes the CDC events of its changes on commit.
 */
public final class OrgTransaction implements AutoCloseable {

    private final EmulatedOrg org;
    private final WriteContext context;
    private final RecordValidator validator;
    private final Map<String, StoredRecord> undo = new LinkedHashMap<>();
    private final List<RecordChange> changes = new ArrayList<>();
    private final Instant now;
    private boolean finished;

    OrgTransaction(EmulatedOrg org, WriteContext context) {
        this.org = org;
        this.context = context;
        this.validator = new RecordValidator(org.schema(), org.store());
        org.writeLock().lock();
        this.now = org.clock().nowSeconds();
    }

    public ItemResult create(SObjectType type, Map<String, Object> values) {
        List<ApiError> errors = validator.validate(type, values, null);
        if (!errors.isEmpty()) {
            return ItemResult.failed(null, errors);
        }
        Optional<ApiError> lock = lockFault(null);
        if (lock.isPresent()) {
            return ItemResult.failed(null, lock.get());
        }
        String id = SalesforceIds.newId(type.keyPrefix());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", id);
        type.fields().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> fields.put(f.name(), f.defaultValue()));
        if (type.find("OwnerId").isPresent()) {
            fields.put("OwnerId", context.userId());
        }
        fields.putAll(normalizeIds(type, values));
        fields.put("IsDeleted", false);
        fields.put("CreatedDate", EmulatorClock.rest(now));
        fields.put("CreatedById", context.userId());
        stamp(fields);
        StoredRecord record = new StoredRecord(type.name(), DerivedFields.apply(type, fields));
        apply(null, record, "CREATE", new ArrayList<>(values.keySet()), Map.of());
        return ItemResult.ok(id, null);
    }

    public ItemResult update(SObjectType type, String id, Map<String, Object> values) {
        Optional<StoredRecord> existing = findForWrite(type, id);
        if (existing.isEmpty()) {
            return ItemResult.failed(id, missing(type, id));
        }
        StoredRecord before = existing.get();
        if (before.type().equals("Lead") && Boolean.TRUE.equals(before.get("IsConverted"))) {
            return ItemResult.failed(before.id(), ApiError.of("CANNOT_UPDATE_CONVERTED_LEAD",
                    "cannot reference converted lead"));
        }
        Map<String, Object> changes = new LinkedHashMap<>(values);
        changes.remove("Id");
        List<ApiError> errors = validator.validate(type, changes, before);
        if (!errors.isEmpty()) {
            return ItemResult.failed(before.id(), errors);
        }
        Optional<ApiError> lock = lockFault(before.id());
        if (lock.isPresent()) {
            return ItemResult.failed(before.id(), lock.get());
        }
        Map<String, Object> fields = new LinkedHashMap<>(before.fields());
        fields.putAll(normalizeIds(type, changes));
        stamp(fields);
        StoredRecord after = new StoredRecord(type.name(), DerivedFields.apply(type, fields));
        apply(before, after, "UPDATE", new ArrayList<>(changes.keySet()), Map.of());
        return ItemResult.ok(before.id(), null);
    }

    /** Upsert by external id: create when nothing matches, update one match, 300 on several. */
    public ItemResult upsert(SObjectType type, Field externalId, Object value, Map<String, Object> values) {
        List<StoredRecord> matches = value == null ? List.of()
                : org.store().findBy(type.name(), externalId.name(), value);
        if (matches.size() > 1) {
            return new ItemResult(null, List.of(), null, matches.stream().map(StoredRecord::id).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>(values);
        if (matches.isEmpty()) {
            if (value != null) {
                body.put(externalId.name(), value);
            }
            ItemResult created = create(type, body);
            return created.success() ? ItemResult.ok(created.id(), true) : created;
        }
        body.remove(externalId.name());
        ItemResult updated = update(type, matches.get(0).id(), body);
        return updated.success() ? ItemResult.ok(updated.id(), false) : updated;
    }

    public ItemResult delete(String id) {
        return delete(id, Map.of());
    }

    /** Deletes (soft: kept for queryAll); {@code extra} lands in the CDC payload (merge). */
    ItemResult delete(String id, Map<String, Object> extra) {
        Optional<StoredRecord> existing = org.store().find(id);
        if (existing.isEmpty() || existing.get().isDeleted()) {
            if (!SalesforceIds.isWellFormed(id)) {
                return ItemResult.failed(id, ApiError.of("MALFORMED_ID", "malformed id " + id));
            }
            return ItemResult.failed(id, ApiError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        Optional<ApiError> lock = lockFault(existing.get().id());
        if (lock.isPresent()) {
            return ItemResult.failed(existing.get().id(), lock.get());
        }
        Map<String, Object> fields = new LinkedHashMap<>(existing.get().fields());
        fields.put("IsDeleted", true);
        fields.putAll(extra);
        stamp(fields);
        apply(existing.get(), new StoredRecord(existing.get().type(), fields), "DELETE", List.of(), extra);
        return ItemResult.ok(existing.get().id(), null);
    }

    public ItemResult undelete(String id) {
        Optional<StoredRecord> existing = org.store().find(id);
        if (existing.isEmpty() || !existing.get().isDeleted()) {
            return ItemResult.failed(id, ApiError.of("UNDELETE_FAILED", "Entity is not in the recycle bin"));
        }
        Map<String, Object> fields = new LinkedHashMap<>(existing.get().fields());
        fields.put("IsDeleted", false);
        stamp(fields);
        apply(existing.get(), new StoredRecord(existing.get().type(), fields), "UNDELETE", List.of(), Map.of());
        return ItemResult.ok(existing.get().id(), null);
    }

    /** Keeps the changes and publishes their CDC events, one transactionKey for all. */
    public void commit() {
        finished = true;
        org.cdc().publish(org, changes, context, now);
    }

    /** Keeps the changes without CDC events (fixtures). */
    void commitQuietly() {
        finished = true;
        changes.clear();
    }

    /** Writes system-controlled fields (lead conversion, merge reparenting) without validation. */
    void forceUpdate(StoredRecord before, Map<String, Object> values) {
        SObjectType type = org.type(before.type());
        Map<String, Object> fields = new LinkedHashMap<>(before.fields());
        fields.putAll(values);
        stamp(fields);
        StoredRecord after = new StoredRecord(type.name(), DerivedFields.apply(type, fields));
        apply(before, after, "UPDATE", new ArrayList<>(values.keySet()), Map.of());
    }

    public void rollback() {
        finished = true;
        undo.forEach((id, before) -> {
            if (before == null) {
                org.store().remove(id);
            } else {
                org.store().put(before);
            }
        });
        changes.clear();
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                rollback();
            }
        } finally {
            org.writeLock().unlock();
        }
    }

    /** A record of this type that can be written, or empty (missing, deleted or another type). */
    Optional<StoredRecord> findForWrite(SObjectType type, String id) {
        return org.store().find(id).filter(r -> r.type().equals(type.name())).filter(r -> !r.isDeleted());
    }

    static ApiError missing(SObjectType type, String id) {
        if (!SalesforceIds.isWellFormed(id) || !SalesforceIds.prefix(id).equals(type.keyPrefix())) {
            return ApiError.of("MALFORMED_ID", type.label() + " ID: id value of incorrect type: " + id, "Id");
        }
        return ApiError.of("ENTITY_IS_DELETED", "entity is deleted");
    }

    private void apply(StoredRecord before, StoredRecord after, String changeType, List<String> touched,
            Map<String, Object> extra) {
        undo.putIfAbsent(after.id(), before);
        org.store().put(after);
        changes.add(new RecordChange(changeType, before, after, touched, extra));
    }

    private void stamp(Map<String, Object> fields) {
        fields.put("LastModifiedDate", EmulatorClock.rest(now));
        fields.put("LastModifiedById", context.userId());
        fields.put("SystemModstamp", EmulatorClock.rest(now));
    }

    private Optional<ApiError> lockFault(String id) {
        if (!context.api() || !org.faults().lockRowFails()) {
            return Optional.empty();
        }
        String suffix = id == null ? "" : " or 1 records: " + id;
        return Optional.of(ApiError.of("UNABLE_TO_LOCK_ROW",
                "unable to obtain exclusive access to this record" + suffix));
    }

    private static Map<String, Object> normalizeIds(SObjectType type, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.replaceAll((name, v) -> {
            boolean isRef = type.find(name).map(f -> f.type() == FieldType.REFERENCE).orElse(false);
            return isRef && v instanceof String && SalesforceIds.isWellFormed((String) v)
                    ? SalesforceIds.normalize((String) v) : v;
        });
        return out;
    }
}
