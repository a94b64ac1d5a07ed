package io.memberpulse.salesforce.activities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Task external ids, derived from what makes a Task unique, so a retry or a re-sent event
 * upserts the same Task: {@code act:<eventId>} for {@code activity.logged}, {@code tkt:<ticketNumber>:<status>}
 * for {@code ticket.updated} (one Task per status change), {@code evt:<eventId>} for event and course
 * events. A key longer than 64 characters (the documented field length) becomes its prefix and the
 * SHA-256 hex of the rest, cut to 64.
 */
final class TaskKeys {

    static final int MAX_LENGTH = 64;

    private TaskKeys() {
    }

    static String activity(String eventId) {
        return bounded("act:", eventId);
    }

    static String ticket(String ticketNumber, String status) {
        return bounded("tkt:", ticketNumber + ":" + status.trim().toLowerCase(java.util.Locale.ROOT));
    }

    static String memberEvent(String eventId) {
        return bounded("evt:", eventId);
    }

    private static String bounded(String prefix, String rest) {
        String key = prefix + rest;
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        return (prefix + sha256(rest)).substring(0, MAX_LENGTH);
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
