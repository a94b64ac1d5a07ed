package io.memberpulse.salesforce.salesforce;

/** What "Connect with Salesforce" yields: a refresh token and the org it opens. Never printed. */
public final class AuthorizedOrg {

    private final String refreshToken;
    private final String instanceUrl;
    private final String orgId;

    AuthorizedOrg(String refreshToken, String instanceUrl, String orgId) {
        this.refreshToken = refreshToken;
        this.instanceUrl = instanceUrl;
        this.orgId = orgId;
    }

    /** Null when the connected app did not grant the {@code refresh_token} scope. */
    public String refreshToken() {
        return refreshToken;
    }

    public String instanceUrl() {
        return instanceUrl;
    }

    public String orgId() {
        return orgId;
    }

    @Override
    public String toString() {
        return "AuthorizedOrg[orgId=" + orgId + ", instanceUrl=" + instanceUrl + "]";
    }
}
