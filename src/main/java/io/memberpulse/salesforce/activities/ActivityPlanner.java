package io.memberpulse.salesforce.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.outbound.PlanSink;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import io.memberpulse.salesforce.outbound.WorkPlanner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Turns {@code activity.logged}, {@code ticket.updated} (when ticket Tasks are on) and event/course
 * events (when event Tasks are on) into Task upserts: one item per Task external id ({@link TaskKeys}),
 * so the same Task planned twice folds into one write. Every Task is Completed, dated, on the Contact.
 */
@ApplicationScoped
class ActivityPlanner implements WorkPlanner {

    static final int SUBJECT_LENGTH = 255;
    static final int DESCRIPTION_LENGTH = 32000;

    private final ActivitySettingsService settings;

    ActivityPlanner(ActivitySettingsService settings) {
        this.settings = settings;
    }

    @Override
    public Uni<EventFolder> forTenant(String tenantId) {
        return settings.settings(tenantId)
                .map(s -> (event, sink) -> fold(s, event, sink));
    }

    private static void fold(ActivitySettings s, PlannedEvent event, PlanSink sink) {
        JsonNode data = event.data();
        if (!complete(event)) {
            // Stored before intake checked these payloads: nothing to key a Task by.
            return;
        }
        switch (event.type()) {
            case "activity.logged":
                task(sink, event, TaskKeys.activity(event.eventId()), s.subjectPrefix() + data.path("name").asText(),
                        lines(data.path("description").asText(null), data.path("url").asText(null)),
                        data.path("date").asText(null));
                break;
            case "ticket.updated":
                if (s.ticketTasks()) {
                    ticket(s, event, sink);
                }
                break;
            case "event.registered":
            case "event.attended":
            case "event.no_show":
            case "course.enrolled":
            case "course.completed":
                if (s.eventTasks()) {
                    task(sink, event, TaskKeys.memberEvent(event.eventId()), s.subjectPrefix() + what(event),
                            lines(data.path("name").asText(null), null), data.path("date").asText(null));
                }
                break;
            default:
                break;
        }
    }

    private static boolean complete(PlannedEvent event) {
        switch (event.type()) {
            case "activity.logged":
                return !event.data().path("name").asText("").isBlank();
            case "ticket.updated":
                return !event.data().path("ticketNumber").asText("").isBlank()
                        && !event.data().path("status").asText("").isBlank();
            default:
                return true;
        }
    }

    private static void ticket(ActivitySettings s, PlannedEvent event, PlanSink sink) {
        JsonNode data = event.data();
        String number = data.path("ticketNumber").asText();
        String status = data.path("status").asText();
        String subject = data.path("subject").asText(null);
        String title = s.subjectPrefix() + "Ticket " + number + ": " + status + (subject == null ? "" : " - " + subject);
        task(sink, event, TaskKeys.ticket(number, status), title,
                lines("Ticket " + number + " is now " + status + ".", subject, data.path("url").asText(null)), null);
    }

    private static String what(PlannedEvent event) {
        String name = event.data().path("name").asText(event.type().startsWith("course.")
                ? event.data().path("courseId").asText() : event.data().path("eventId").asText());
        switch (event.type()) {
            case "event.registered":
                return "Registered for " + name;
            case "event.attended":
                return "Attended " + name;
            case "event.no_show":
                return "Did not attend " + name;
            case "course.enrolled":
                return "Enrolled in " + name;
            default:
                return "Completed " + name;
        }
    }

    private static void task(PlanSink sink, PlannedEvent event, String key, String subject, String description,
            String date) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("Subject", cut(subject, SUBJECT_LENGTH));
        fields.put("Description", cut(description, DESCRIPTION_LENGTH));
        fields.put("ActivityDate", date != null ? date.substring(0, Math.min(10, date.length()))
                : event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        fields.put("Status", "Completed");
        sink.work(TaskOperation.NAME, event.memberId(), key, fields, event.occurredAt());
    }

    private static String lines(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : "\n").append(part);
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
