package io.memberpulse.salesforce.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads what this service needs from a caller's token. */
public final class TenantClaims {

    /** Claim naming the tenant a token belongs to. */
    public static final String TENANT_ID = "tenant_id";

    private TenantClaims() {
    }

    /** The tenant the caller belongs to, or null when the token names none. */
    public static String tenantOf(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken) {
            Object claim = ((JsonWebToken) principal).getClaim(TENANT_ID);
            return claim == null ? null : claim.toString();
        }
        return null;
    }

    /** Who made a change, for audit trails: the token's upn, preferred_username or subject. */
    public static String actorOf(SecurityIdentity identity) {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
