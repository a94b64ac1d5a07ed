package io.memberpulse.salesforce.intake;

import io.memberpulse.salesforce.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole batch and reports every bad field of every event, as JSON paths such as
 * {@code events[3].data.email}; one bad event rejects the batch. A repeated event id is not an
 * error: its later occurrences are answered as duplicates.
 */
@ApplicationScoped
class EventValidator {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String IDENTIFIER_RULE = "must be 1 to 128 letters, digits, '.', '_', ':' or '-'";
    private static final String INSTANT_RULE = "an ISO-8601 date-time with offset, e.g. 2025-05-01T10:15:30Z";
    private static final Instant EARLIEST = Instant.EPOCH;

    private final IntakeConfig config;

    EventValidator(IntakeConfig config) {
        this.config = config;
    }

    /** The batch's events, ready to store; a {@link ProblemException} (400) naming each bad field. */
    ValidBatch validate(EventBatch batch) {
        List<MemberEvent> events = envelope(batch);
        Instant latest = Instant.now().plus(config.maxClockSkew());
        FieldErrors errors = new FieldErrors();
        List<InboxEvent> unique = new ArrayList<>(events.size());
        List<String> requestOrder = new ArrayList<>(events.size());
        Set<String> seen = new HashSet<>(events.size() * 2);
        for (int i = 0; i < events.size(); i++) {
            InboxEvent event = event(events.get(i), "events[" + i + "]", latest, errors);
            if (event != null) {
                requestOrder.add(event.eventId());
                if (seen.add(event.eventId())) {
                    unique.add(event);
                }
            }
        }
        if (errors.count() > 0) {
            throw errors.problem();
        }
        return new ValidBatch(unique, requestOrder);
    }

    private static List<MemberEvent> envelope(EventBatch batch) {
        if (batch == null) {
            throw ProblemException.invalidField("body", "a JSON body {\"events\":[...]} is required");
        }
        List<MemberEvent> events = batch.events();
        if (events == null) {
            throw ProblemException.invalidField("events", "is required: a list of 1 to " + EventBatch.MAX_EVENTS
                    + " events");
        }
        if (events.isEmpty() || events.size() > EventBatch.MAX_EVENTS) {
            throw ProblemException.invalidField("events", "must hold 1 to " + EventBatch.MAX_EVENTS
                    + " events, not " + events.size() + (events.isEmpty() ? "" : "; split the batch"));
        }
        return events;
    }

    private InboxEvent event(MemberEvent event, String path, Instant latest, FieldErrors errors) {
        if (event == null) {
            errors.add(path, "must be an event object, not null");
            return null;
        }
        int before = errors.count();
        identifier(event.eventId(), path + ".eventId", errors);
        identifier(event.memberId(), path + ".memberId", errors);
        EventType type = type(event.type(), path + ".type", errors);
        OffsetDateTime occurredAt = occurredAt(event.occurredAt(), path + ".occurredAt", latest, errors);
        String data = EventData.check(type, event.data(), path + ".data", errors);
        return errors.count() > before ? null
                : new InboxEvent(event.eventId(), type, event.memberId(), occurredAt, data);
    }

    static boolean isIdentifier(String value) {
        return IDENTIFIER.matcher(value).matches();
    }

    private static void identifier(String value, String path, FieldErrors errors) {
        if (value == null) {
            errors.add(path, "is required");
        } else if (!IDENTIFIER.matcher(value).matches()) {
            errors.add(path, IDENTIFIER_RULE);
        }
    }

    private static EventType type(String value, String path, FieldErrors errors) {
        EventType type = EventType.ofJson(value);
        if (value == null) {
            errors.add(path, "is required: one of " + EventType.jsonNames());
        } else if (type == null) {
            errors.add(path, "unknown type; one of " + EventType.jsonNames());
        }
        return type;
    }

    private OffsetDateTime occurredAt(String value, String path, Instant latest, FieldErrors errors) {
        if (value == null) {
            errors.add(path, "is required: " + INSTANT_RULE);
            return null;
        }
        try {
            OffsetDateTime occurredAt = OffsetDateTime.parse(value);
            Instant instant = occurredAt.toInstant();
            if (instant.isAfter(latest)) {
                errors.add(path, "lies in the future beyond the allowed clock skew of " + config.maxClockSkew());
            } else if (instant.isBefore(EARLIEST)) {
                errors.add(path, "must not be before 1970-01-01T00:00:00Z");
            }
            return occurredAt;
        } catch (DateTimeParseException e) {
            errors.add(path, "must be " + INSTANT_RULE);
            return null;
        }
    }
}
