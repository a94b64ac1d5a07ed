package io.memberpulse.salesforce.customobjects;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sentence for a custom object write that named a field the org does not have. */
final class MissingFieldHint {

    /** Salesforce's wording: {@code No such column 'X__c' on sobject of type Y__c}. */
    private static final Pattern COLUMN = Pattern.compile("No such column '([^']+)'");

    private MissingFieldHint() {
    }

    static String of(CustomObjectMapping mapping, String message) {
        Matcher column = COLUMN.matcher(message == null ? "" : message);
        String field = column.find() ? column.group(1) : "a mapped field";
        return "The custom object " + mapping.objectName() + " has no field " + field + " visible to the "
                + "integration user: create " + mapping.objectName() + "." + field + " in Setup (Object Manager) "
                + "and give the integration user edit access, or remove it from the " + mapping.recordType()
                + " mapping at PUT /custom-object-mappings; then retry this entry.";
    }
}
