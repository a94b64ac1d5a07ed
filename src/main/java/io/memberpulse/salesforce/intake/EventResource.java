package io.memberpulse.salesforce.intake;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.web.BodyLimit;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Member events from MemberPulse core. */
@Path("/api/v1/tenants/{tenantId}/salesforce/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Member events from MemberPulse core, synced to Salesforce")
@ProblemResponsesDoc
public class EventResource {

    private final EventIntakeService intake;

    EventResource(EventIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @RolesAllowed({ Roles.SERVICE, Roles.PLATFORM_ADMIN })
    @BodyLimit(EventBatch.MAX_BYTES)
    @Operation(summary = "Send a batch of member events", description = "1 to 1,000 events, at most 1 MiB. "
            + "Idempotent by eventId: an event stored before, or repeated in the batch, is answered `duplicate` "
            + "and changes nothing. The batch is stored durably before the answer. One invalid event rejects "
            + "the whole batch (400, `errors` names each bad field as `events[i].field`) and stores nothing. "
            + "Events of a tenant without a Salesforce connection are stored too.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EventBatch.class)))
    @APIResponse(responseCode = "202", description = "Stored; each event in request order, accepted or duplicate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IntakeResult.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "500", description = "The events could not be stored; none was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<IntakeResult>> receive(@RestPath String tenantId, EventBatch batch) {
        return intake.receive(tenantId, batch)
                .map(EventResource::accepted);
    }

    private static RestResponse<IntakeResult> accepted(IntakeResult result) {
        return RestResponse.status(Response.Status.ACCEPTED, result);
    }
}
