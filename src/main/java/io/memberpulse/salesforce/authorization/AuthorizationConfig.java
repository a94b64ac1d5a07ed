package io.memberpulse.salesforce.authorization;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** "Connect with Salesforce" (OAuth web server flow with PKCE). */
@ConfigMapping(prefix = "memberpulse.oauth")
public interface AuthorizationConfig {

    /**
     * This service's public callback URL ({@code MEMBERPULSE_OAUTH_CALLBACK_URL}); it must be listed as a
     * Callback URL of the connected app.
     */
    @WithDefault("http://localhost:8080/salesforce/oauth/callback")
    String callbackUrl();

    /**
     * Where the admin's browser goes back to after the flow ({@code MEMBERPULSE_PORTAL_URL}); the
     * outcome is added as query parameters {@code tenant}, {@code outcome} and {@code reason}.
     */
    @WithDefault("http://localhost:8080/salesforce/oauth/result")
    String portalUrl();

    /** How long an authorization may take from the authorize call to the callback. */
    @WithDefault("PT10M")
    Duration stateLifetime();

    /** OAuth scopes requested; {@code refresh_token} is needed for a lasting connection. */
    @WithDefault("api refresh_token")
    String scopes();
}
