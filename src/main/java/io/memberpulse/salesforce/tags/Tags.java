package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.mapping.DeletedMemberPolicy;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The fixed tag set and how member events change it. Every value is lower case letters, digits and
 * '-', at most 40 characters, never ';' (the multi-select separator), so it is a valid multi-select
 * picklist value, a valid list-view filter value, and fits a text field of the tag object:
 * <ul>
 * <li>membership (exclusive: setting one removes the others): {@code member-active},
 * {@code member-expiring}, {@code member-expired}, {@code member-upgraded},
 * {@code member-downgrade-scheduled}, from {@code membership.status_changed} (and the
 * {@code membershipStatus} of {@code member.upserted});</li>
 * <li>events: {@code event-registered-<eventKey>} on {@code event.registered} (the pre-event tag:
 * {@code eventKey} is {@code data.eventId} lower-cased with other characters as '-'; a key longer than
 * 23 characters becomes its first 14 characters, '-' and 8 hex digits of its SHA-256), removed again by
 * {@code event.attended} / {@code event.no_show} of that event, which add {@code event-attended} /
 * {@code event-no-show};</li>
 * <li>courses: {@code course-enrolled} on {@code course.enrolled}, {@code course-completed} on
 * {@code course.completed}.</li>
 * </ul>
 */
public final class Tags {

    /** The membership status tags, exclusive. */
    public static final List<String> STATUS_TAGS = List.of("member-active", "member-expiring", "member-expired",
            "member-upgraded", "member-downgrade-scheduled");
    public static final String EVENT_ATTENDED = "event-attended";
    public static final String EVENT_NO_SHOW = "event-no-show";
    public static final String COURSE_ENROLLED = "course-enrolled";
    public static final String COURSE_COMPLETED = "course-completed";
    public static final String EVENT_REGISTERED_PREFIX = "event-registered-";
    /** The longest tag value. */
    public static final int MAX_LENGTH = 40;
    /**
     * A removal of every {@code event-registered-*} tag (the keys are not known when planning):
     * {@code member.deleted} under the {@code clear_status} policy. Applied after the member's other
     * deltas of the same write.
     */
    public static final String ALL_REGISTERED = EVENT_REGISTERED_PREFIX + "*";

    /** One tag to add ({@code present}) or remove. */
    public record Delta(String tag, boolean present) {
    }

    private Tags() {
    }

    /** The tag changes an event makes, in order (a later delta of the same tag wins). */
    public static List<Delta> deltas(PlannedEvent event) {
        List<Delta> deltas = new ArrayList<>();
        JsonNode data = event.data();
        if (event.type().startsWith("event.") && data.path("eventId").asText("").isBlank()) {
            return deltas; // stored before intake required eventId: no event to tag
        }
        switch (event.type()) {
            case "membership.status_changed":
                status(data.path("status"), deltas);
                break;
            case "member.upserted":
                if (data.has("membershipStatus")) {
                    status(data.get("membershipStatus"), deltas);
                }
                break;
            case "event.registered":
                deltas.add(new Delta(registered(data), true));
                break;
            case "event.attended":
                deltas.add(new Delta(registered(data), false));
                deltas.add(new Delta(EVENT_ATTENDED, true));
                break;
            case "event.no_show":
                deltas.add(new Delta(registered(data), false));
                deltas.add(new Delta(EVENT_NO_SHOW, true));
                break;
            case "course.enrolled":
                deltas.add(new Delta(COURSE_ENROLLED, true));
                break;
            case "course.completed":
                deltas.add(new Delta(COURSE_COMPLETED, true));
                break;
            default:
                break;
        }
        return deltas;
    }

    /**
     * The tag changes an event makes under the tenant's {@code member.deleted} policy: with
     * {@code clear_status} a deleted member loses every tag MemberPulse owns (the status tags, the fixed
     * event and course tags and, by {@link #ALL_REGISTERED}, every pre-event tag), as its status field
     * is cleared. With {@code ignore} (the default) the Contact stays exactly as it was, tags included:
     * removing the tags while the status field still says "active" would contradict it.
     */
    public static List<Delta> deltas(PlannedEvent event, DeletedMemberPolicy onDelete) {
        if (!"member.deleted".equals(event.type())) {
            return deltas(event);
        }
        List<Delta> deltas = new ArrayList<>();
        if (onDelete == DeletedMemberPolicy.CLEAR_STATUS) {
            status(null, deltas);
            List.of(EVENT_ATTENDED, EVENT_NO_SHOW, COURSE_ENROLLED, COURSE_COMPLETED, ALL_REGISTERED)
                    .forEach(tag -> deltas.add(new Delta(tag, false)));
        }
        return deltas;
    }

    /** Whether a delta's tag stands for every tag it is a prefix of ({@link #ALL_REGISTERED}). */
    public static boolean isPrefix(String tag) {
        return tag.endsWith("*");
    }

    /** Whether {@code value} is one of the tags {@code tag} names (itself, or any under a prefix). */
    public static boolean matches(String tag, String value) {
        return isPrefix(tag) ? value.startsWith(tag.substring(0, tag.length() - 1)) : tag.equals(value);
    }

    /** The status tag of a membership status ({@code downgrade_scheduled} -> {@code member-downgrade-scheduled}). */
    public static String statusTag(String status) {
        return "member-" + status.replace('_', '-');
    }

    /** Whether MemberPulse owns this picklist value (it never touches values it does not own). */
    public static boolean owned(String value) {
        return STATUS_TAGS.contains(value) || value.startsWith(EVENT_REGISTERED_PREFIX)
                || value.equals(EVENT_ATTENDED) || value.equals(EVENT_NO_SHOW) || value.equals(COURSE_ENROLLED)
                || value.equals(COURSE_COMPLETED);
    }

    private static void status(JsonNode status, List<Delta> deltas) {
        String tag = status == null || !status.isTextual() ? null : statusTag(status.textValue());
        for (String candidate : STATUS_TAGS) {
            deltas.add(new Delta(candidate, candidate.equals(tag)));
        }
    }

    static String registered(JsonNode data) {
        return EVENT_REGISTERED_PREFIX + eventKey(data.path("eventId").asText(""));
    }

    static String eventKey(String eventId) {
        String key = eventId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
        int room = MAX_LENGTH - EVENT_REGISTERED_PREFIX.length();
        if (key.length() <= room) {
            return key;
        }
        return key.substring(0, room - 9) + "-" + sha256(eventId).substring(0, 8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
