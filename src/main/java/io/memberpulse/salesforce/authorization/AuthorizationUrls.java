package io.memberpulse.salesforce.authorization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Salesforce's authorize URL on the tenant's login host. */
final class AuthorizationUrls {

    private AuthorizationUrls() {
    }

    static String of(PendingAuthorization pending, String state, String challenge, String scopes) {
        return pending.loginUrl + "/services/oauth2/authorize"
                + "?response_type=code"
                + "&client_id=" + encode(pending.clientId)
                + "&redirect_uri=" + encode(pending.redirectUri)
                + "&code_challenge=" + encode(challenge)
                + "&code_challenge_method=S256"
                + "&scope=" + encode(scopes)
                + "&state=" + encode(state);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
