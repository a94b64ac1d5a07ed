package io.memberpulse.salesforce.wakeup;

import io.memberpulse.salesforce.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The wake-up call of the scale-to-zero deployment (k8s/common/cronjob-wakeup.yaml). Not a tenant
 * API: it takes the internal token, not a MemberPulse JWT, and is meant for callers inside the cluster.
 */
@Path("/internal/wake-up")
@SecurityScheme(securitySchemeName = WakeUpResource.INTERNAL_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The shared internal token (MEMBERPULSE_INTERNAL_TOKEN), not a JWT")
@Tag(name = "Internal", description = "Calls from inside the cluster, authenticated by the internal token")
public class WakeUpResource {

    static final String INTERNAL_TOKEN = "internalToken";

    private final InternalToken token;
    private final WakeUpService service;

    WakeUpResource(InternalToken token, WakeUpService service) {
        this.token = token;
        this.service = service;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = INTERNAL_TOKEN)
    @Operation(summary = "Wake the sync up (catch-up after scale to zero)", description = "Wakes the pipeline of "
            + "every tenant with waiting member writes or a queued backfill job and answers at once; the work runs "
            + "while the pod is up. Idempotent. `Authorization: Bearer <MEMBERPULSE_INTERNAL_TOKEN>`; any body "
            + "(the CronJob sends `{}`) is ignored. Answers 404 when no internal token is configured.")
    @APIResponse(responseCode = "202", description = "Woken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WakeUpView.class)))
    @APIResponse(responseCode = "401", description = "No or wrong internal token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Internal endpoints are disabled (no token configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<WakeUpView>> wakeUp(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.require(authorization);
        return service.wakeUp()
                .map(view -> RestResponse.status(RestResponse.Status.ACCEPTED, view));
    }
}
