package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.web.BodyLimit;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The platform event channels a tenant's subscription listens to, besides Contact and Lead changes. */
@Path("/api/v1/tenants/{tenantId}/salesforce/platform-event-channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound changes", description = "Salesforce changes and platform events bound for MemberPulse")
@ProblemResponsesDoc
public class PlatformEventChannelsResource {

    private final PlatformEventChannels channels;

    PlatformEventChannelsResource(PlatformEventChannels channels) {
        this.channels = channels;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the platform event channels", description = "The `/event/Name__e` channels the "
            + "tenant's CometD subscription listens to. Each platform event is delivered to MemberPulse as a change "
            + "of kind CREATE whose object type is the event name and whose values are the event's payload.")
    @APIResponse(responseCode = "200", description = "The channels (possibly none)")
    public Uni<PlatformEventChannels.View> get(@RestPath String tenantId) {
        return channels.get(tenantId);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @Operation(summary = "Replace the platform event channels", description = "At most 20 channels, each "
            + "`/event/<API name>__e` (case-sensitive, as Salesforce names it). Takes effect when the subscription "
            + "next starts. Body limit 16 KiB.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "A channel is not of the form /event/Name__e; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PlatformEventChannels.View> put(@RestPath String tenantId, PlatformEventChannels.View request) {
        return channels.replace(tenantId, request);
    }
}
