package io.memberpulse.salesforce.salesforce;

import java.time.Instant;

/** A Salesforce session: the bearer token and the instance it is valid on. Never printed. */
public final class AccessToken {

    private final String value;
    private final String instanceUrl;
    private final String orgId;
    private final Instant expiresAt;

    AccessToken(String value, String instanceUrl, String orgId, Instant expiresAt) {
        this.value = value;
        this.instanceUrl = instanceUrl.endsWith("/") ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl;
        this.orgId = orgId;
        this.expiresAt = expiresAt;
    }

    String bearer() {
        return "Bearer " + value;
    }

    String value() {
        return value;
    }

    /** The org's REST host, from the token response's {@code instance_url}. */
    public String instanceUrl() {
        return instanceUrl;
    }

    /** The 18-character org id, from the token response's identity URL. */
    public String orgId() {
        return orgId;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", orgId=" + orgId + ", expiresAt=" + expiresAt + "]";
    }
}
