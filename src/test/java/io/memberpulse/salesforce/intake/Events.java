package io.memberpulse.salesforce.intake;

import static io.memberpulse.salesforce.support.Api.as;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds event batches and sends them, for the intake tests. */
final class Events {

    /** A fixed past instant, so stored times can be compared exactly. */
    static final String OCCURRED_AT = "2025-05-01T10:15:30.123Z";

    private Events() {
    }

    static String path(String tenantId) {
        return "/api/v1/tenants/" + tenantId + "/salesforce/events";
    }

    static ValidatableResponse post(String token, String tenantId, Object body) {
        return as(token).body(body).post(path(tenantId)).then();
    }

    @SafeVarargs
    static Map<String, Object> batch(Map<String, Object>... events) {
        return batch(Arrays.asList(events));
    }

    static Map<String, Object> batch(List<Map<String, Object>> events) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("events", events);
        return batch;
    }

    /** An event; {@code data} null leaves it out. Returns a mutable map so tests can break it. */
    static Map<String, Object> event(String eventId, String type, String memberId, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("occurredAt", OCCURRED_AT);
        event.put("memberId", memberId);
        if (data != null) {
            event.put("data", data);
        }
        return event;
    }

    static Map<String, Object> upserted(String eventId, String memberId) {
        return event(eventId, "member.upserted", memberId, data("email", memberId + "@example.org",
                "lastName", "Member " + memberId));
    }

    /** A mutable map from alternating keys and values; values may be null. */
    static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    static List<Map<String, Object>> upserts(String prefix, int count) {
        List<Map<String, Object>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(upserted(prefix + i, "m-" + i));
        }
        return events;
    }

    static String inFuture(long minutes) {
        return Instant.now().plus(minutes, ChronoUnit.MINUTES).toString();
    }
}
