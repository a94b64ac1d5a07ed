package io.memberpulse.salesforce.status;

import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A tenant's sync at a glance. */
@Path("/api/v1/tenants/{tenantId}/salesforce/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "State of a tenant's Salesforce sync")
@ProblemResponsesDoc
public class StatusResource {

    private final StatusService service;

    StatusResource(StatusService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the sync status", description = "Connection state, auto-sync, pause and circuit "
            + "breaker; what waits, runs and failed, the last success and the lag of the oldest waiting change; "
            + "the org's API usage as Salesforce last reported it against the tenant's budget; and one sentence "
            + "for the admin. A tenant that sent events before connecting is NOT_CONNECTED, not unknown. "
            + "Makes no Salesforce call.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusView.class)))
    public Uni<StatusView> get(@RestPath String tenantId) {
        return service.status(tenantId);
    }
}
