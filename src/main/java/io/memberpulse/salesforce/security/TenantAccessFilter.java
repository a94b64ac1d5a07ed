package io.memberpulse.salesforce.security;

import io.memberpulse.salesforce.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps every caller inside its own tenant: on any path with a {@code {tenantId}}, the token's
 * {@code tenant_id} claim must equal it (platform admins excepted). Runs before the resource
 * method, so a foreign tenant's data is never even looked up. Methods marked {@code @PermitAll}
 * (the Outbound Message endpoint Salesforce calls) authenticate their callers themselves.
 */
public class TenantAccessFilter {

    /** Tenant ids are short opaque keys; anything else is refused before it reaches SQL or logs. */
    public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> requireOwnTenant(UriInfo uri, ResourceInfo resource) {
        String tenantId = uri.getPathParameters().getFirst("tenantId");
        if (tenantId == null || isPublic(resource)) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .invoke(identity -> check(identity, tenantId))
                .replaceWithVoid();
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(PermitAll.class);
    }

    private static void check(SecurityIdentity identity, String tenantId) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!TENANT_ID.matcher(tenantId).matches()) {
            throw ProblemException.invalidField("tenantId",
                    "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (identity.hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        if (!tenantId.equals(TenantClaims.tenantOf(identity))) {
            throw ProblemException.forbidden("Your token belongs to another tenant than " + tenantId);
        }
    }
}
