package io.memberpulse.salesforce.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record to write: its type and the fields to send. A null value clears the field in Salesforce;
 * an absent key leaves it alone.
 */
public record SObject(String type, Map<String, Object> fields) {

    public SObject {
        fields = new LinkedHashMap<>(fields);
    }

    public static SObject of(String type, Map<String, Object> fields) {
        return new SObject(type, fields);
    }
}
