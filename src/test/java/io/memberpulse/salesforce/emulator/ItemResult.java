package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;

/**
 * Outcome of saving one record.
 *
 * @param created true/false for upserts, null otherwise
 * @param matchIds the ids of all matches when an upsert found more than one (HTTP 300)
 */
public record ItemResult(String id, List<ApiError> errors, Boolean created, List<String> matchIds) {

    public static ItemResult ok(String id, Boolean created) {
        return new ItemResult(id, List.of(), created, List.of());
    }

    public static ItemResult failed(String id, List<ApiError> errors) {
        return new ItemResult(id, List.copyOf(errors), null, List.of());
    }

    public static ItemResult failed(String id, ApiError error) {
        return failed(id, List.of(error));
    }

    public boolean success() {
        return errors.isEmpty() && matchIds.isEmpty();
    }

    /** The collections SaveResult/UpsertResult/DeleteResult item; a failed create has no id. */
    public Map<String, Object> collectionJson() {
        Map<String, Object> json = Json.obj();
        if (id != null) {
            json.put("id", id);
        }
        json.put("success", errors.isEmpty());
        json.put("errors", errors.stream().map(ApiError::collectionJson).toList());
        if (created != null && errors.isEmpty()) {
            json.put("created", created);
        }
        return json;
    }
}
