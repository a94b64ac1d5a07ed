package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.config.SalesforcePlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a tenant logs in, and with whose connected app. Precedence: the tenant's My Domain, else
 * its environment's login host (Production: {@code SALESFORCE_LOGIN_URL}; Sandbox:
 * {@code SALESFORCE_SANDBOX_LOGIN_URL}); the tenant's consumer key, else the platform's
 * ({@code SALESFORCE_CLIENT_ID}/{@code SALESFORCE_CLIENT_SECRET}).
 */
@ApplicationScoped
public class LoginHosts {

    private final SalesforcePlatformConfig platform;

    LoginHosts(SalesforcePlatformConfig platform) {
        this.platform = platform;
    }

    public String loginUrl(SalesforceConnection connection) {
        if (connection.myDomainUrl != null) {
            return connection.myDomainUrl;
        }
        return connection.environment == Environment.SANDBOX ? platform.sandboxLoginUrl() : platform.loginUrl();
    }

    public ConnectionView.CredentialSource credentialSource(SalesforceConnection connection) {
        return connection.consumerKey != null ? ConnectionView.CredentialSource.TENANT
                : ConnectionView.CredentialSource.PLATFORM;
    }
}
