package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Resolves SOQL field paths ({@code Name}, {@code Account.Name}) against the schema. */
final class SoqlFields {

    private SoqlFields() {
    }

    /** The path's relationships and final field; {@code invalid} builds the INVALID_FIELD error. */
    static SoqlQuery.FieldPath resolve(OrgSchema schema, SObjectType from, String text,
            Function<String, ApiException> invalid) {
        String[] parts = text.split("\\.");
        SObjectType current = from;
        List<Field> relationships = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            String rel = parts[i];
            Field ref = current.findRelationship(rel).orElseThrow(() -> invalid.apply("Didn't understand relationship '"
                    + rel + "' in field path. If you are attempting to use a custom relationship, be sure to append"
                    + " the '__r' after the custom relationship name. Please reference your WSDL or the describe call"
                    + " for the appropriate names."));
            relationships.add(ref);
            current = schema.find(ref.referenceTo().get(0)).orElseThrow();
        }
        String last = parts[parts.length - 1];
        SObjectType owner = current;
        Field field = owner.find(last).orElseThrow(() -> invalid.apply("No such column '" + last + "' on entity '"
                + owner.name() + "'. If you are attempting to use a custom field, be sure to append the '__c' after"
                + " the custom field name. Please reference your WSDL or the describe call for the appropriate names."));
        return new SoqlQuery.FieldPath(relationships, field);
    }
}
