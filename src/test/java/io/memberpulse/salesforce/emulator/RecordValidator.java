package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Save-time checks with Salesforce's codes and messages (reference §2.7). */
final class RecordValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OrgSchema schema;
    private final RecordStore store;

    RecordValidator(OrgSchema schema, RecordStore store) {
        this.schema = schema;
        this.store = store;
    }

    /** Errors for saving {@code values} on a new record ({@code existing} null) or an existing one. */
    List<ApiError> validate(SObjectType type, Map<String, Object> values, StoredRecord existing) {
        List<ApiError> errors = new ArrayList<>();
        if (existing == null && values.containsKey("Id")) {
            errors.add(ApiError.of("INVALID_FIELD", "The Id field should not be specified in the sobject data."));
            return errors;
        }
        checkWritable(type, values, existing == null).ifPresent(errors::add);
        checkRequired(type, values, existing).ifPresent(errors::add);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Field field = type.find(e.getKey()).orElseThrow();
            if (e.getValue() != null && !field.name().equals("Id")) {
                checkValue(field, e.getValue()).ifPresent(errors::add);
            }
        }
        if (errors.isEmpty()) {
            checkUnique(type, values, existing).ifPresent(errors::add);
        }
        return errors;
    }

    private Optional<ApiError> checkWritable(SObjectType type, Map<String, Object> values, boolean create) {
        List<String> denied = new ArrayList<>();
        for (String name : values.keySet()) {
            Field f = type.find(name).orElseThrow();
            boolean allowed = create ? f.createable() : f.updateable() || name.equals("Id");
            if (!allowed) {
                denied.add(f.name());
            }
        }
        if (denied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                + String.join(", ", denied) + ". Please check the security settings of this field and verify"
                + " that it is read/write for your profile or permission set.", denied));
    }

    private Optional<ApiError> checkRequired(SObjectType type, Map<String, Object> values, StoredRecord existing) {
        List<String> missing = new ArrayList<>();
        for (List<String> group : type.requiredGroups()) {
            boolean present = group.stream().anyMatch(f -> isSet(f, values, existing));
            if (!present) {
                missing.addAll(group);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiError("REQUIRED_FIELD_MISSING",
                "Required fields are missing: " + missing.toString().replace(", ", ","), missing));
    }

    private static boolean isSet(String field, Map<String, Object> values, StoredRecord existing) {
        Object v = values.containsKey(field) ? values.get(field) : existing == null ? null : existing.get(field);
        return v != null && !v.toString().isBlank();
    }

    Optional<ApiError> checkValue(Field field, Object value) {
        String text = value.toString();
        if (field.type().isText() && field.length() > 0 && text.length() > field.length()) {
            return Optional.of(ApiError.of("STRING_TOO_LONG", field.label() + ": data value too large: " + text
                    + " (max length=" + field.length() + ")", field.name()));
        }
        switch (field.type()) {
            case PICKLIST:
                return checkPicklistValue(field, text);
            case MULTIPICKLIST:
                return checkMultiPicklist(field, text);
            case EMAIL:
                return EMAIL.matcher(text).matches() ? Optional.empty()
                        : Optional.of(ApiError.of("INVALID_EMAIL_ADDRESS",
                                field.label() + ": invalid email address: " + text, field.name()));
            case REFERENCE:
                return checkReference(field, text);
            default:
                return Optional.empty();
        }
    }

    private static Optional<ApiError> checkPicklistValue(Field field, String value) {
        if (field.restricted() && !field.picklistValues().contains(value)) {
            return Optional.of(ApiError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    field.label() + ": bad value for restricted picklist field: " + value, field.name()));
        }
        return Optional.empty();
    }

    /** Values a multi-select picklist may hold selected at once. */
    static final int MULTI_PICKLIST_MAX_VALUES = 100;

    private static Optional<ApiError> checkMultiPicklist(Field field, String value) {
        String[] items = value.split(";");
        if (items.length > MULTI_PICKLIST_MAX_VALUES) {
            return Optional.of(ApiError.of("TOO_MANY_ENUM_VALUE", field.label() + ": too many values selected: "
                    + items.length + " (max " + MULTI_PICKLIST_MAX_VALUES + ")", field.name()));
        }
        for (String item : items) {
            String v = item.trim();
            if (v.length() > 255) {
                return Optional.of(ApiError.of("STRING_TOO_LONG", field.label() + ": data value too large: "
                        + v + " (max length=255)", field.name()));
            }
            Optional<ApiError> bad = checkPicklistValue(field, v);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private Optional<ApiError> checkReference(Field field, String id) {
        boolean rightType = SalesforceIds.isWellFormed(id) && field.referenceTo().stream()
                .map(schema::find).flatMap(Optional::stream)
                .anyMatch(t -> t.keyPrefix().equals(SalesforceIds.prefix(id)));
        if (!rightType) {
            return Optional.of(ApiError.of("MALFORMED_ID",
                    field.label() + ": id value of incorrect type: " + id, field.name()));
        }
        if (field.referenceTo().contains("User")) {
            return Optional.empty();
        }
        Optional<StoredRecord> target = store.find(id);
        if (target.isEmpty()) {
            return Optional.of(ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field.name()));
        }
        if (target.get().isDeleted()) {
            return Optional.of(ApiError.of("ENTITY_IS_DELETED", "entity is deleted", field.name()));
        }
        return Optional.empty();
    }

    private Optional<ApiError> checkUnique(SObjectType type, Map<String, Object> values, StoredRecord existing) {
        String selfId = existing == null ? null : existing.id();
        for (Field f : type.fields()) {
            Object v = values.get(f.name());
            if (f.unique() && v != null) {
                Optional<StoredRecord> other = store.findBy(type.name(), f.name(), v).stream()
                        .filter(r -> !r.id().equals(selfId)).findFirst();
                if (other.isPresent()) {
                    return Optional.of(ApiError.of("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                            + " duplicates value on record with id: " + other.get().id()));
                }
            }
        }
        if (existing == null && type.name().equals("CampaignMember")) {
            return checkCampaignMember(values);
        }
        return Optional.empty();
    }

    private Optional<ApiError> checkCampaignMember(Map<String, Object> values) {
        Object campaign = values.get("CampaignId");
        String memberField = values.get("ContactId") != null ? "ContactId" : "LeadId";
        boolean exists = store.findBy("CampaignMember", "CampaignId", campaign).stream()
                .anyMatch(m -> RecordStore.valueEquals(m.get(memberField), values.get(memberField)));
        return exists ? Optional.of(ApiError.of("DUPLICATE_VALUE", "Already a campaign member."))
                : Optional.empty();
    }
}
