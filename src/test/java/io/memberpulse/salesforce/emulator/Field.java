package io.memberpulse.salesforce.emulator;

import java.util.List;

/**
 * A declared field. Immutable; the {@code with...} methods return modified copies.
 *
 * @param referenceTo object names a reference field may point to (empty for other types)
 * @param relationshipName SOQL relationship name of a reference field ({@code Account} for AccountId)
 */
public record Field(String name, FieldType type, String label, int length, boolean externalId,
        boolean unique, boolean idLookup, boolean nillable, boolean createable, boolean updateable,
        List<String> picklistValues, boolean restricted, List<String> referenceTo,
        String relationshipName, Object defaultValue) {

    public static Field of(String name, FieldType type, int length) {
        return new Field(name, type, labelOf(name), length, false, false, false, true, true, true,
                List.of(), false, List.of(), null, null);
    }

    public static Field text(String name, int length) {
        return of(name, FieldType.STRING, length);
    }

    public static Field textArea(String name, int length) {
        return of(name, FieldType.TEXTAREA, length);
    }

    public static Field email(String name) {
        return of(name, FieldType.EMAIL, 80).withIdLookup();
    }

    public static Field phone(String name) {
        return of(name, FieldType.PHONE, 40);
    }

    public static Field bool(String name) {
        return of(name, FieldType.BOOLEAN, 0).notNillable().withDefault(false);
    }

    public static Field date(String name) {
        return of(name, FieldType.DATE, 0);
    }

    public static Field dateTime(String name) {
        return of(name, FieldType.DATETIME, 0);
    }

    public static Field number(String name) {
        return of(name, FieldType.DOUBLE, 0);
    }

    public static Field integer(String name) {
        return of(name, FieldType.INT, 0);
    }

    /** A picklist; restricted ones reject values outside the list. */
    public static Field picklist(String name, boolean restricted, String... values) {
        return new Field(name, FieldType.PICKLIST, labelOf(name), 255, false, false, false, true, true,
                true, List.of(values), restricted, List.of(), null, null);
    }

    /** A multi-select picklist: one string, values separated by {@code ;} (reference §3.7). */
    public static Field multiPicklist(String name, boolean restricted, String... values) {
        return new Field(name, FieldType.MULTIPICKLIST, labelOf(name), 4099, false, false, false,
                true, true, true, List.of(values), restricted, List.of(), null, null);
    }

    /** A lookup to one or more objects. */
    public static Field reference(String name, String relationshipName, String... referenceTo) {
        return new Field(name, FieldType.REFERENCE, labelOf(name), 18, false, false, false, true,
                true, true, List.of(), false, List.of(referenceTo), relationshipName, null);
    }

    /** A text field flagged External ID and Unique (usable in upsert paths). */
    public static Field externalId(String name, int length) {
        return text(name, length).asExternalId(true);
    }

    public Field asExternalId(boolean isUnique) {
        return new Field(name, type, label, length, true, isUnique, true, nillable, createable,
                updateable, picklistValues, restricted, referenceTo, relationshipName, defaultValue);
    }

    public Field withLabel(String newLabel) {
        return new Field(name, type, newLabel, length, externalId, unique, idLookup, nillable,
                createable, updateable, picklistValues, restricted, referenceTo, relationshipName,
                defaultValue);
    }

    public Field withIdLookup() {
        return new Field(name, type, label, length, externalId, unique, true, nillable, createable,
                updateable, picklistValues, restricted, referenceTo, relationshipName, defaultValue);
    }

    public Field notNillable() {
        return new Field(name, type, label, length, externalId, unique, idLookup, false, createable,
                updateable, picklistValues, restricted, referenceTo, relationshipName, defaultValue);
    }

    public Field withDefault(Object value) {
        return new Field(name, type, label, length, externalId, unique, idLookup, nillable,
                createable, updateable, picklistValues, restricted, referenceTo, relationshipName,
                value);
    }

    /** Read-only: system fields and derived fields. */
    public Field readOnly() {
        return new Field(name, type, label, length, externalId, unique, idLookup, nillable, false,
                false, picklistValues, restricted, referenceTo, relationshipName, defaultValue);
    }

    /** Settable on create only. */
    public Field createOnly() {
        return new Field(name, type, label, length, externalId, unique, idLookup, nillable, true,
                false, picklistValues, restricted, referenceTo, relationshipName, defaultValue);
    }

    /** "MemberPulse_Member_Since__c" becomes "MemberPulse Member Since"; "LastName" becomes "Last Name". */
    static String labelOf(String apiName) {
        String base = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3) : apiName;
        if (base.endsWith("Id") && base.length() > 2) {
            base = base.substring(0, base.length() - 2) + " ID";
        }
        return base.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").trim();
    }
}
