package io.memberpulse.salesforce.intake;

import static io.memberpulse.salesforce.intake.Events.batch;
import static io.memberpulse.salesforce.intake.Events.data;
import static io.memberpulse.salesforce.intake.Events.event;
import static io.memberpulse.salesforce.intake.Events.post;
import static io.memberpulse.salesforce.intake.Events.upserted;
import static io.memberpulse.salesforce.intake.Events.upserts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One bad event rejects the whole batch with a 400 naming each bad field, and nothing is stored. */
@QuarkusTest
class EventValidationTest {

    @Inject
    InboxRows inbox;

    String tenant;
    String service;

    @BeforeEach
    void newTenant() {
        tenant = TestTokens.newTenantId();
        service = TestTokens.service(tenant);
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(inbox.count(tenant)).isZero();
    }

    @Test
    void malformedJsonIsRefused() {
        refused("{\"events\":[{\"eventId\":\"e-1\",")
                .body("type", equalTo("https://memberpulse.io/problems/malformed-json"));
    }

    @Test
    void aMissingBodyIsRefused() {
        refused("").body("errors[0].field", equalTo("body"));
    }

    @Test
    void wrongJsonTypesAndUnknownPropertiesNameThePath() {
        refused("{\"events\":[{\"eventId\":{\"a\":1},\"type\":\"member.deleted\"}]}")
                .body("errors[0].field", equalTo("events[0].eventId"));
        refused("{\"events\":{\"eventId\":\"e-1\"}}").body("errors[0].field", equalTo("events"));
        refused("{\"evnts\":[]}")
                .body("errors[0].field", equalTo("evnts"))
                .body("errors[0].message", containsString("unknown property"));
        refused("{\"events\":[{\"eventId\":\"e-1\",\"memberID\":\"m-1\"}]}")
                .body("errors[0].field", equalTo("events[0].memberID"));
    }

    @Test
    void anUnknownTypeIsRefused() {
        refused(batch(upserted("e-1", "m-1"), event("e-2", "member.renamed", "m-1", data("a", "b"))))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("events[1].type"))
                .body("errors[0].message", containsString("unknown type; one of member.upserted"));
    }

    @Test
    void aMissingOrMalformedEventIdIsRefused() {
        Map<String, Object> missing = upserted("e-1", "m-1");
        missing.remove("eventId");
        refused(batch(missing)).body("errors[0].field", equalTo("events[0].eventId"))
                .body("errors[0].message", equalTo("is required"));
        refused(batch(upserted("e 1", "m-1"))).body("errors[0].field", equalTo("events[0].eventId"));
        refused(batch(upserted("e".repeat(129), "m-1"))).body("errors[0].field", equalTo("events[0].eventId"));
        refused(batch(upserted("e-1", ""))).body("errors[0].field", equalTo("events[0].memberId"));
    }

    @Test
    void aBadEmailIsRefused() {
        for (String email : List.of("not-an-email", "ada@", "ada@localhost", "a..b@example.org", "ada@example.org ",
                "a".repeat(70) + "@example.org", "")) {
            refused(batch(upserted("e-1", "m-1"), event("e-2", "member.upserted", "m-2", data("email", email))))
                    .body("errors[0].field", equalTo("events[1].data.email"));
        }
    }

    @Test
    void tooLongProfileFieldsAreRefused() {
        refused(batch(event("e-1", "member.upserted", "m-1", data("lastName", "L".repeat(81)))))
                .body("errors[0].field", equalTo("events[0].data.lastName"))
                .body("errors[0].message", equalTo("must be at most 80 characters"));
        refused(batch(event("e-1", "member.upserted", "m-1", data("firstName", "F".repeat(41)))))
                .body("errors[0].field", equalTo("events[0].data.firstName"));
        refused(batch(event("e-1", "member.upserted", "m-1", data("phone", "1".repeat(41)))))
                .body("errors[0].field", equalTo("events[0].data.phone"));
    }

    @Test
    void aProfileUpdateNeedsKnownStringFields() {
        refused(batch(event("e-1", "member.upserted", "m-1", null))).body("errors[0].field", equalTo("events[0].data"));
        refused(batch(event("e-1", "member.upserted", "m-1", data()))).body("errors[0].field", equalTo("events[0].data"));
        refused(batch(event("e-1", "member.upserted", "m-1", data("nickname", "Ada"))))
                .body("errors[0].field", equalTo("events[0].data.nickname"));
        refused(batch(event("e-1", "member.upserted", "m-1", data("phone", 4420))))
                .body("errors[0].field", equalTo("events[0].data.phone"));
        Map<String, Object> notAnObject = upserted("e-1", "m-1");
        notAnObject.put("data", "email=ada@example.org");
        refused(batch(notAnObject)).body("errors[0].field", equalTo("events[0].data"));
    }

    @Test
    void dataThatPostgresCannotStoreIsRefused() {
        refused(batch(event("e-1", "activity.logged", "m-1", data("name", "login", "date", "2026-01-01", "details",
                List.of(data("note", "nul\u0000byte"))))))
                .body("errors[0].field", equalTo("events[0].data"))
                .body("errors[0].message", equalTo("must not contain the character U+0000"));
    }

    @Test
    void ticketActivityAndEventDataAreCheckedFieldByField() {
        refused(batch(event("e-1", "ticket.updated", "m-1", data("status", "closed", "url", "ftp://x/1"))))
                .body("errors.field", contains("events[0].data.ticketNumber", "events[0].data.url"))
                .body("errors[0].message", equalTo("is required"))
                .body("errors[1].message", equalTo("must be an http or https URL of at most 1000 characters"));
        refused(batch(event("e-1", "activity.logged", "m-1", data("name", " ", "date", "yesterday"))))
                .body("errors.field", contains("events[0].data.name", "events[0].data.date"));
        refused(batch(event("e-1", "event.registered", "m-1", data("name", "Gala"))))
                .body("errors[0].field", equalTo("events[0].data.eventId"));
        refused(batch(event("e-1", "course.completed", "m-1", data("courseId", "c 1"))))
                .body("errors[0].field", equalTo("events[0].data.courseId"));
    }

    @Test
    void aStatusChangeNeedsAKnownStatus() {
        refused(batch(event("e-1", "membership.status_changed", "m-1", data("status", "lapsed"))))
                .body("errors[0].field", equalTo("events[0].data.status"))
                .body("errors[0].message",
                        equalTo("must be one of active, expiring, expired, upgraded, downgrade_scheduled"));
        refused(batch(event("e-1", "membership.status_changed", "m-1", null)))
                .body("errors[0].field", equalTo("events[0].data.status"));
    }

    @Test
    void occurredAtMustBeAnInstantWithOffsetNotInTheFuture() {
        Map<String, Object> future = upserted("e-1", "m-1");
        future.put("occurredAt", Events.inFuture(60));
        refused(batch(future)).body("errors[0].field", equalTo("events[0].occurredAt"))
                .body("errors[0].message", containsString("future"));
        Map<String, Object> noOffset = upserted("e-1", "m-1");
        noOffset.put("occurredAt", "2025-05-01T10:15:30");
        refused(batch(noOffset)).body("errors[0].field", equalTo("events[0].occurredAt"));
        Map<String, Object> missing = upserted("e-1", "m-1");
        missing.remove("occurredAt");
        refused(batch(missing)).body("errors[0].field", equalTo("events[0].occurredAt"));
    }

    @Test
    void batchesOutside1To1000EventsAreRefused() {
        refused(batch(upserts("e-", 1001)))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("events"))
                .body("errors[0].message", containsString("1 to 1000 events, not 1001"));
        refused(batch(List.of())).body("errors[0].field", equalTo("events"));
        refused("{}").body("errors[0].field", equalTo("events"));
    }

    @Test
    void everyBadEventAndFieldIsListed() {
        Map<String, Object> noId = upserted("e-2", "m-2");
        noId.remove("eventId");
        refused(batch(upserted("e-1", "m-1"), noId,
                event("e-3", "member.upserted", "m-3", data("email", "bad", "lastName", "L".repeat(81))),
                null))
                .body("detail", equalTo("4 fields are not valid; see errors"))
                .body("errors.field", contains("events[1].eventId", "events[2].data.email", "events[2].data.lastName",
                        "events[3]"));
    }

    @Test
    void aHugeNumberOfErrorsIsListedUpToALimit() {
        List<Map<String, Object>> events = upserts("e-", 1000);
        events.forEach(event -> event.put("type", "nope"));
        refused(batch(events))
                .body("errors", hasSize(100))
                .body("detail", equalTo("1000 fields are not valid; the first 100 are listed in errors"));
    }

    private ValidatableResponse refused(Object body) {
        return post(service, tenant, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}
