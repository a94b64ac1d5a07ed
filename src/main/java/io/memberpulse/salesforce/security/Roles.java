package io.memberpulse.salesforce.security;

/** Roles from the {@code groups} claim of MemberPulse's tokens. */
public final class Roles {

    /** Reads and changes a tenant's Salesforce settings, retries, backfills. */
    public static final String ADMIN = "salesforce-admin";
    /** Reads a tenant's settings, status and sync log. */
    public static final String VIEWER = "salesforce-viewer";
    /** MemberPulse core: sends member events. */
    public static final String SERVICE = "memberpulse-service";
    /** MemberPulse staff: any role's rights on any tenant. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
