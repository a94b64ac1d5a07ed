package io.memberpulse.salesforce.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Salesforce's answers: the JSON body, and for failures the error array
 * ({@code [{"message","errorCode","fields"}]}) turned into the {@link SalesforceException} that
 * decides what happens next.
 */
final class SalesforceResponses {

    static final Set<String> RETRYABLE_CODES = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE",
            "QUERY_TIMEOUT", "REQUEST_RUNNING_TOO_LONG");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceResponses() {
    }

    /** The body of a successful response; throws the classified failure otherwise. */
    static JsonNode bodyOf(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        int status = response.getStatus();
        if (status <= 300 && isCsv(response)) {
            // Bulk API results: the caller reads the CSV text.
            return TextNode.valueOf(body);
        }
        if (status <= 300) {
            return parse(body);
        }
        throw failure(status, parse(body));
    }

    static SalesforceException failure(int status, JsonNode body) {
        JsonNode first = body.isArray() && body.size() > 0 ? body.get(0) : body;
        String code = text(first, "errorCode", status == 503 ? "SERVER_UNAVAILABLE" : "HTTP_" + status);
        String message = text(first, "message", "Salesforce answered HTTP " + status);
        if (status == 401) {
            return new SalesforceException.SessionExpired(message);
        }
        if ("REQUEST_LIMIT_EXCEEDED".equals(code)) {
            // ConcurrentPerOrgLongTxn is about concurrency, not the daily allocation: a short retry fits.
            return message.contains("ConcurrentPerOrgLongTxn")
                    ? new SalesforceException.Retryable(status, code, message, null)
                    : new SalesforceException.LimitExceeded(message);
        }
        if (status >= 500 || RETRYABLE_CODES.contains(code)) {
            return new SalesforceException.Retryable(status, code, message, null);
        }
        return new SalesforceException.Permanent(status, code, message, fields(first));
    }

    /** Per-record results of a Collections call, which use {@code statusCode} inside each error. */
    static List<RecordResult> recordResults(JsonNode body) {
        List<RecordResult> results = new ArrayList<>(body.size());
        for (JsonNode item : body) {
            List<RecordError> errors = new ArrayList<>();
            for (JsonNode error : item.path("errors")) {
                errors.add(new RecordError(text(error, "statusCode", text(error, "errorCode", "UNKNOWN")),
                        text(error, "message", ""), fields(error)));
            }
            JsonNode created = item.get("created");
            results.add(new RecordResult(text(item, "id", null), item.path("success").asBoolean(false),
                    created == null || created.isNull() ? null : created.asBoolean(), errors));
        }
        return results;
    }

    private static boolean isCsv(Response response) {
        String type = response.getHeaderString("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static List<String> fields(JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("fields").forEach(field -> fields.add(field.asText()));
        return fields;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // An HTML error page from an edge proxy, say: keep the status, drop the body.
            return MissingNode.getInstance();
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
