package io.memberpulse.salesforce.intake;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted batch: every event, in request order, with what became of it. */
@Schema(name = "IntakeResult")
public record IntakeResult(
        @Schema(description = "Events stored by this request") int accepted,
        @Schema(description = "Events already stored before (same eventId), or repeated within the batch")
        int duplicates,
        List<Outcome> events) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";

    /** What became of one event. */
    @Schema(name = "EventOutcome")
    public record Outcome(
            String eventId,
            @Schema(enumeration = { ACCEPTED, DUPLICATE }) String status) {
    }
}
