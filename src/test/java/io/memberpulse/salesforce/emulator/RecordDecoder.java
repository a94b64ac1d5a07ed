package io.memberpulse.salesforce.emulator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON record body into field values under their declared names, the way Salesforce's
 * deserializer does: an undeclared field or a value of the wrong JSON type fails the whole request.
 */
final class RecordDecoder {

    private RecordDecoder() {
    }

    static Map<String, Object> decode(SObjectType type, Map<String, Object> body) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            if (entry.getKey().equals("attributes")) {
                continue;
            }
            Field field = type.find(entry.getKey()).orElseThrow(() -> noSuchColumn(type, entry.getKey()));
            values.put(field.name(), coerce(field, entry.getValue()));
        }
        return values;
    }

    static ApiException noSuchColumn(SObjectType type, String field) {
        return ApiException.badRequest("INVALID_FIELD",
                "No such column '" + field + "' on sobject of type " + type.name());
    }

    static Object coerce(Field field, Object value) {
        if (value == null) {
            return field.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
        }
        if (value instanceof Map || value instanceof List) {
            throw parserError(field, value, "START_OBJECT");
        }
        switch (field.type()) {
            case BOOLEAN:
                return toBoolean(field, value);
            case DOUBLE:
            case CURRENCY:
            case INT:
                return toNumber(field, value);
            case DATE:
                return toDate(field, value);
            case DATETIME:
                return toDateTime(field, value);
            default:
                return value.toString();
        }
    }

    private static Boolean toBoolean(Field field, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
            return Boolean.valueOf(value.toString());
        }
        throw parserError(field, value, "VALUE_STRING");
    }

    private static Number toNumber(Field field, Object value) {
        try {
            Number n = value instanceof Number ? (Number) value : Double.valueOf(value.toString());
            if (field.type() == FieldType.INT) {
                return n.longValue();
            }
            return n.doubleValue();
        } catch (NumberFormatException e) {
            throw parserError(field, value, "VALUE_STRING");
        }
    }

    private static String toDate(Field field, Object value) {
        try {
            return LocalDate.parse(value.toString()).toString();
        } catch (DateTimeParseException e) {
            throw parserError(field, value, "VALUE_STRING");
        }
    }

    private static String toDateTime(Field field, Object value) {
        try {
            return EmulatorClock.rest(EmulatorClock.parse(value.toString()));
        } catch (DateTimeParseException e) {
            throw parserError(field, value, "VALUE_STRING");
        }
    }

    private static ApiException parserError(Field field, Object value, String token) {
        return ApiException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of "
                + field.type().describeName() + " from " + token + " value " + value
                + " or request may be missing a required field");
    }
}
