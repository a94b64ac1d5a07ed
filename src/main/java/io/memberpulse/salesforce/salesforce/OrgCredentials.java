package io.memberpulse.salesforce.salesforce;

import java.util.Objects;

/**
 * What the connector needs to obtain a session for one tenant's org: where to log in, with which
 * connected app, and how (client credentials, or a refresh token from "Connect with Salesforce").
 * The secrets are never printed.
 */
public final class OrgCredentials {

    /** How a session is obtained. */
    public enum Grant { CLIENT_CREDENTIALS, REFRESH_TOKEN }

    private final String tenantId;
    private final String loginUrl;
    private final String clientId;
    private final String clientSecret;
    private final Grant grant;
    private final String refreshToken;

    private OrgCredentials(String tenantId, String loginUrl, String clientId, String clientSecret, Grant grant,
            String refreshToken) {
        this.tenantId = Objects.requireNonNull(tenantId);
        this.loginUrl = Objects.requireNonNull(loginUrl);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientSecret = clientSecret;
        this.grant = grant;
        this.refreshToken = refreshToken;
    }

    public static OrgCredentials clientCredentials(String tenantId, String myDomainUrl, String clientId,
            String clientSecret) {
        return new OrgCredentials(tenantId, myDomainUrl, clientId, clientSecret, Grant.CLIENT_CREDENTIALS, null);
    }

    public static OrgCredentials refreshToken(String tenantId, String loginUrl, String clientId, String clientSecret,
            String refreshToken) {
        return new OrgCredentials(tenantId, loginUrl, clientId, clientSecret, Grant.REFRESH_TOKEN,
                Objects.requireNonNull(refreshToken));
    }

    public String tenantId() {
        return tenantId;
    }

    public String loginUrl() {
        return loginUrl;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public Grant grant() {
        return grant;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /**
     * Identifies this exact set of credentials without revealing them, so a rejection is remembered
     * until the admin changes something, and a change is noticed.
     */
    String fingerprint() {
        return Integer.toHexString(Objects.hash(loginUrl, clientId, clientSecret, grant, refreshToken));
    }

    @Override
    public String toString() {
        return "OrgCredentials[tenant=" + tenantId + ", loginUrl=" + loginUrl + ", clientId=" + clientId + ", grant="
                + grant + "]";
    }
}
