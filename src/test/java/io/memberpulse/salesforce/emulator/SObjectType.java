package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An object's declaration: name, key prefix, fields and which fields a save requires. */
public final class SObjectType {

    private final String name;
    private final String label;
    private final String keyPrefix;
    private final Map<String, Field> fieldsByLowerName = new ConcurrentHashMap<>();
    private final List<Field> fieldsInOrder = new CopyOnWriteArrayList<>();
    private final List<List<String>> requiredGroups = new CopyOnWriteArrayList<>();

    public SObjectType(String name, String keyPrefix) {
        this.name = name;
        this.label = Field.labelOf(name);
        this.keyPrefix = keyPrefix;
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean isCustom() {
        return name.endsWith("__c");
    }

    /** Declares (or replaces) a field. */
    public SObjectType field(Field field) {
        Field previous = fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
        if (previous != null) {
            fieldsInOrder.remove(previous);
        }
        fieldsInOrder.add(field);
        return this;
    }

    /** Removes a field, so writes naming it fail with INVALID_FIELD. */
    public SObjectType removeField(String fieldName) {
        Field removed = fieldsByLowerName.remove(fieldName.toLowerCase(Locale.ROOT));
        if (removed != null) {
            fieldsInOrder.remove(removed);
        }
        return this;
    }

    /** Every field of the group is required on create. */
    public SObjectType require(String... fieldNames) {
        for (String f : fieldNames) {
            requiredGroups.add(List.of(f));
        }
        return this;
    }

    /** At least one field of the group is required on create (CampaignMember ContactId/LeadId). */
    public SObjectType requireOneOf(String... fieldNames) {
        requiredGroups.add(List.of(fieldNames));
        return this;
    }

    public List<List<String>> requiredGroups() {
        return new ArrayList<>(requiredGroups);
    }

    /** Case-insensitive lookup, like Salesforce's. */
    public Optional<Field> find(String fieldName) {
        return Optional.ofNullable(fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The reference field whose relationship name is given ({@code Account} for AccountId). */
    public Optional<Field> findRelationship(String relationshipName) {
        return fieldsInOrder.stream()
                .filter(f -> f.relationshipName() != null)
                .filter(f -> f.relationshipName().equalsIgnoreCase(relationshipName))
                .findFirst();
    }

    public Collection<Field> fields() {
        return List.copyOf(fieldsInOrder);
    }
}
