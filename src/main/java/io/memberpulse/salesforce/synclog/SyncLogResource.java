package io.memberpulse.salesforce.synclog;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.security.TenantClaims;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** What happened to each Salesforce write of a tenant, and retries of the failed ones. */
@Path("/api/v1/tenants/{tenantId}/salesforce/sync-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync log", description = "Per-record outcomes of the Salesforce sync, and retries")
@ProblemResponsesDoc
public class SyncLogResource {

    private final SyncLogService service;
    private final SecurityIdentity identity;

    SyncLogResource(SyncLogService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the sync log, newest first", description = "One entry per final outcome of a "
            + "write (SUCCESS, FAILED, SKIPPED), with Salesforce's error code and a hint for the admin. Cursor-paged: "
            + "pass `nextCursor` of a page as `cursor` for the next, older page; it is null on the last page.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SyncLogPage.class)))
    public Uni<SyncLogPage> list(@RestPath String tenantId,
            @Parameter(description = "Only entries with this outcome",
                    schema = @Schema(enumeration = { "SUCCESS", "FAILED", "SKIPPED" }))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "Only entries of this member") @QueryParam("memberId") String memberId,
            @Parameter(description = "Entries per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "50", minimum = "1", maximum = "200"))
            @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return service.page(tenantId, outcome, memberId, limit, cursor);
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Retry the failed write behind an entry", description = "The write goes back in the queue "
            + "at once, attempts reset. When the member has a newer pending change, the failed values fold under "
            + "it (newer values win). Fields changed again later are never sent with their older values. It is "
            + "sent when the tenant may sync (auto-sync on, connected, not paused); its outcome is a new entry.")
    @APIResponse(responseCode = "202", description = "Back in the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetryView.class)))
    @APIResponse(responseCode = "409", description = "The entry's write is not failed (any more)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RetryView>> retry(@RestPath String tenantId, @RestPath long id) {
        return service.retry(tenantId, id, TenantClaims.actorOf(identity))
                .map(SyncLogResource::accepted);
    }

    @POST
    @Path("retry-failed")
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Retry every failed write of the tenant", description = "In one transaction, each as "
            + "POST /sync-log/{id}/retry does it. Answers how many failed writes went back in the queue.")
    @APIResponse(responseCode = "202", description = "Back in the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BulkRetryView.class)))
    public Uni<RestResponse<BulkRetryView>> retryFailed(@RestPath String tenantId) {
        return service.retryAllFailed(tenantId, TenantClaims.actorOf(identity))
                .map(SyncLogResource::accepted);
    }

    private static <T> RestResponse<T> accepted(T body) {
        return RestResponse.status(Response.Status.ACCEPTED, body);
    }
}
