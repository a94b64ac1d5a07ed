package io.memberpulse.salesforce.intake;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /events}: 1 to {@value #MAX_EVENTS} member events, at most 1 MiB. */
@Schema(name = "EventBatch")
public record EventBatch(
        @Schema(required = true, minItems = 1, maxItems = MAX_EVENTS)
        List<MemberEvent> events) {

    /** Most events one request may carry. */
    public static final int MAX_EVENTS = 1000;

    /** Largest body, in bytes: 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;
}
