package io.memberpulse.salesforce.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The platform's own Salesforce connected app and login hosts, used for every tenant that has no
 * consumer key of its own. Environment variables: {@code SALESFORCE_CLIENT_ID},
 * {@code SALESFORCE_CLIENT_SECRET}, {@code SALESFORCE_LOGIN_URL}, {@code SALESFORCE_SANDBOX_LOGIN_URL}.
 */
@ConfigMapping(prefix = "salesforce")
public interface SalesforcePlatformConfig {

    /** Consumer key of the platform's connected app. */
    Optional<String> clientId();

    /** Consumer secret of the platform's connected app. */
    Optional<String> clientSecret();

    /** Login host for Production orgs. */
    @WithDefault("https://login.salesforce.com")
    String loginUrl();

    /** Login host for Sandbox orgs. */
    @WithDefault("https://test.salesforce.com")
    String sandboxLoginUrl();
}
