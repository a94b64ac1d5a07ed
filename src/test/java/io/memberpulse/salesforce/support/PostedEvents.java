package io.memberpulse.salesforce.support;

import static io.memberpulse.salesforce.support.Api.as;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Member events sent through {@code POST /events} with a service token, as MemberPulse core does. */
public final class PostedEvents {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String tenantId;

    public PostedEvents(String tenantId) {
        this.tenantId = tenantId;
    }

    /** Posts one event now; answers its event id. */
    public String post(String type, String memberId, Map<String, Object> data) {
        return post(type, memberId, data, Instant.now());
    }

    public String post(String type, String memberId, Map<String, Object> data, Instant occurredAt) {
        String eventId = "evt-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("occurredAt", occurredAt.toString());
        event.put("memberId", memberId);
        event.put("data", data);
        as(TestTokens.service(tenantId)).body(Map.of("events", List.of(event)))
                .post("/api/v1/tenants/" + tenantId + "/salesforce/events").then().statusCode(202);
        return eventId;
    }
}
