package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;

/** One Salesforce error: code, message and the fields it concerns. */
public record ApiError(String code, String message, List<String> fields) {

    public static ApiError of(String code, String message, String... fields) {
        return new ApiError(code, message, List.of(fields));
    }

    /** Single-record REST shape: {@code errorCode}; {@code fields} only when there are some. */
    public Map<String, Object> restJson() {
        Map<String, Object> json = Json.obj("message", message, "errorCode", code);
        if (!fields.isEmpty()) {
            json.put("fields", fields);
        }
        return json;
    }

    /** sObject Collections shape: {@code statusCode}, always with {@code fields}. */
    public Map<String, Object> collectionJson() {
        return Json.obj("statusCode", code, "message", message, "fields", fields);
    }
}
