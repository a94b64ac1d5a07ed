package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: wall time plus a test-controlled offset, so tests can age CDC events out
 * of retention or move record timestamps forward.
 */
public final class EmulatorClock {

    /** REST record datetime format, e.g. {@code 2024-01-01T00:00:00.000+0000}. */
    public static final DateTimeFormatter REST_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** CDC and Outbound Message datetime format, e.g. {@code 2024-01-01T00:00:00.000Z}. */
    public static final DateTimeFormatter EVENT_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    /** Now at the second precision Salesforce stores datetimes with. */
    public Instant nowSeconds() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Moves the clock forward (or back with a negative duration). */
    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public static String rest(Instant instant) {
        return REST_FORMAT.format(instant);
    }

    public static String event(Instant instant) {
        return EVENT_FORMAT.format(instant);
    }

    /** Parses the datetime forms Salesforce accepts: {@code ...Z}, {@code ...+0000}, {@code ...+00:00}. */
    public static Instant parse(String value) {
        String v = value.trim();
        if (v.matches(".*[+-]\\d{4}$")) {
            v = v.substring(0, v.length() - 2) + ":" + v.substring(v.length() - 2);
        }
        return java.time.OffsetDateTime.parse(v).toInstant();
    }
}
