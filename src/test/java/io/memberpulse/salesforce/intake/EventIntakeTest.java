package io.memberpulse.salesforce.intake;

import static io.memberpulse.salesforce.intake.Events.batch;
import static io.memberpulse.salesforce.intake.Events.data;
import static io.memberpulse.salesforce.intake.Events.event;
import static io.memberpulse.salesforce.intake.Events.post;
import static io.memberpulse.salesforce.intake.Events.upserted;
import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Valid batches are stored before the 202 answer, idempotently by event id. */
@QuarkusTest
class EventIntakeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InboxRows inbox;

    String tenant;
    String service;

    @BeforeEach
    void newTenant() {
        tenant = TestTokens.newTenantId();
        service = TestTokens.service(tenant);
    }

    @Test
    void acceptedEventsAreStoredAsSent() throws Exception {
        Map<String, Object> profile = data("email", "ada@example.org", "firstName", "Ada", "lastName", "Lovelace",
                "phone", "+44 20 7946 0000", "company", "Analytical Engines Ltd", "membershipStatus", null);
        post(service, tenant, batch(
                event("e-1", "member.upserted", "m-1", profile),
                event("e-2", "membership.status_changed", "m-1", data("status", "downgrade_scheduled")),
                event("e-3", "member.deleted", "m-2", null)))
                .statusCode(202)
                .contentType("application/json")
                .body("accepted", equalTo(3))
                .body("duplicates", equalTo(0))
                .body("events.eventId", contains("e-1", "e-2", "e-3"))
                .body("events.status", contains("accepted", "accepted", "accepted"));

        List<InboxRows.Row> rows = inbox.of(tenant);
        assertThat(rows).extracting(InboxRows.Row::eventId).containsExactly("e-1", "e-2", "e-3");
        assertThat(rows).extracting(InboxRows.Row::type)
                .containsExactly("member.upserted", "membership.status_changed", "member.deleted");
        assertThat(rows).extracting(InboxRows.Row::memberId).containsExactly("m-1", "m-1", "m-2");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.occurredAt().toInstant()).isEqualTo(OffsetDateTime.parse(Events.OCCURRED_AT).toInstant());
            assertThat(row.receivedAt()).isNotNull();
        });
        assertThat(json(rows.get(0).data())).isEqualTo(JSON.valueToTree(profile));
        assertThat(json(rows.get(0).data()).get("membershipStatus").isNull()).isTrue();
        assertThat(json(rows.get(1).data())).isEqualTo(json("{\"status\":\"downgrade_scheduled\"}"));
        assertThat(json(rows.get(2).data())).isEqualTo(json("{}"));
    }

    @Test
    void theSameBatchAgainIsAllDuplicates() {
        Map<String, Object> batch = batch(upserted("e-1", "m-1"), upserted("e-2", "m-2"));
        post(service, tenant, batch).statusCode(202).body("accepted", equalTo(2));

        post(service, tenant, batch)
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(2))
                .body("events.eventId", contains("e-1", "e-2"))
                .body("events.status", contains("duplicate", "duplicate"));
        assertThat(inbox.count(tenant)).isEqualTo(2);
    }

    @Test
    void aResentEventAmongNewOnesIsADuplicate() {
        post(service, tenant, batch(upserted("e-1", "m-1"))).statusCode(202);

        post(service, tenant, batch(upserted("e-1", "m-1"), upserted("e-2", "m-2")))
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("events.status", contains("duplicate", "accepted"));
        assertThat(inbox.count(tenant)).isEqualTo(2);
    }

    @Test
    void aRepeatedIdInOneBatchIsADuplicateAndTheFirstOccurrenceIsStored() {
        Map<String, Object> first = event("e-1", "member.upserted", "m-1", data("firstName", "First"));
        Map<String, Object> again = event("e-1", "member.upserted", "m-1", data("firstName", "Again"));

        post(service, tenant, batch(first, upserted("e-2", "m-2"), again))
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("events.eventId", contains("e-1", "e-2", "e-1"))
                .body("events.status", contains("accepted", "accepted", "duplicate"));
        List<InboxRows.Row> rows = inbox.of(tenant);
        assertThat(rows).extracting(InboxRows.Row::eventId).containsExactly("e-1", "e-2");
        assertThat(rows.get(0).data()).contains("First");
    }

    @Test
    void activityTicketEventAndCourseDataAreStoredAsGiven() throws Exception {
        Map<String, Object> common = data("eventId", "ev-42", "courseId", "c-7", "name", "Annual meeting", "date",
                "2026-03-01", "ticketNumber", "T-1001", "status", "closed", "url",
                "https://app.memberpulse.io/tickets/1001", "tags", List.of("billing", 2), "meta", data("x", null));
        List<String> types = List.of("event.registered", "event.attended", "event.no_show", "course.enrolled",
                "course.completed", "ticket.updated", "activity.logged");
        List<Map<String, Object>> events = types.stream()
                .map(type -> event("e-" + type, type, "m-1", common))
                .collect(Collectors.toList());

        post(service, tenant, batch(events)).statusCode(202).body("accepted", equalTo(7));

        List<InboxRows.Row> rows = inbox.of(tenant);
        assertThat(rows).extracting(InboxRows.Row::type).containsExactlyElementsOf(types);
        for (int i = 0; i < types.size(); i++) {
            assertThat(json(rows.get(i).data())).isEqualTo(JSON.valueToTree(common));
        }
    }

    @Test
    void aTenantWithoutConnectionStillStoresEvents() {
        as(TestTokens.admin(tenant)).get(connectionPath(tenant)).then().statusCode(404);

        post(service, tenant, batch(upserted("e-1", "m-1"))).statusCode(202).body("accepted", equalTo(1));
        assertThat(inbox.count(tenant)).isEqualTo(1);
    }

    @Test
    void eventIdsAreUniquePerTenantOnly() {
        String other = TestTokens.newTenantId();
        post(service, tenant, batch(upserted("e-1", "m-1"))).statusCode(202).body("accepted", equalTo(1));

        post(TestTokens.service(other), other, batch(upserted("e-1", "m-1")))
                .statusCode(202).body("accepted", equalTo(1));
        assertThat(inbox.count(tenant)).isEqualTo(1);
        assertThat(inbox.count(other)).isEqualTo(1);
    }

    @Test
    void aBatchOf1000EventsIsAccepted() {
        post(service, tenant, batch(Events.upserts("e-", 1000))).statusCode(202).body("accepted", equalTo(1000));
        assertThat(inbox.count(tenant)).isEqualTo(1000);
    }

    @Test
    void aPlatformAdminMaySendEventsForAnyTenant() {
        post(TestTokens.platformAdmin(), tenant, batch(upserted("e-1", "m-1"))).statusCode(202);
        assertThat(inbox.count(tenant)).isEqualTo(1);
    }

    @Test
    void anEventSlightlyAheadOfOurClockIsAccepted() {
        Map<String, Object> event = upserted("e-1", "m-1");
        event.put("occurredAt", Events.inFuture(2));
        post(service, tenant, batch(event)).statusCode(202).body("accepted", equalTo(1));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
