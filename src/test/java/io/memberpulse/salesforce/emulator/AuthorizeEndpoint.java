package io.memberpulse.salesforce.emulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /services/oauth2/authorize}: the consent step without a browser. Approves by default
 * (302 to redirect_uri with code and state); {@link OAuthTokens#denyNext()} makes the next one
 * redirect with {@code error=access_denied}.
 */
final class AuthorizeEndpoint {

    private final SalesforceEmulator emulator;

    AuthorizeEndpoint(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int status = decide(req, resp);
        emulator.callLog().add(new CallRecord(emulator.clock().now(), "oauth.authorize", req.getMethod(),
                req.getRequestURI(), req.getQueryString(), HttpSupport.headers(req),
                emulator.findOrgByClientId(req.getParameter("client_id")).map(EmulatedOrg::orgId).orElse(null),
                0, status, null));
    }

    private int decide(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<EmulatedOrg> org = emulator.findOrgByClientId(req.getParameter("client_id"));
        String redirect = req.getParameter("redirect_uri");
        String state = req.getParameter("state");
        if (org.isEmpty()) {
            return page(resp, "error=invalid_client_id&error_description=client%20identifier%20invalid");
        }
        if (redirect == null || !org.get().acceptsRedirect(redirect)) {
            return page(resp, "error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration");
        }
        if (!"code".equals(req.getParameter("response_type"))) {
            return redirect(resp, redirect, "error=unsupported_response_type&error_description="
                    + enc("response type not supported"), state);
        }
        String challenge = req.getParameter("code_challenge");
        String method = req.getParameter("code_challenge_method");
        if (challenge != null && method != null && !method.equals("S256")) {
            return redirect(resp, redirect, "error=invalid_request&error_description="
                    + enc("invalid code_challenge_method"), state);
        }
        if (emulator.oauth().takeDeny()) {
            return redirect(resp, redirect, "error=access_denied&error_description="
                    + enc("end-user denied authorization"), state);
        }
        String code = emulator.oauth().newCode(new OAuthTokens.AuthCode(org.get().orgId(), org.get().clientId(),
                redirect, challenge, method));
        return redirect(resp, redirect, "code=" + enc(code), state);
    }

    private static int redirect(HttpServletResponse resp, String uri, String params, String state) {
        String query = state == null ? params : params + "&state=" + enc(state);
        resp.setStatus(302);
        resp.setHeader("Location", uri + (uri.contains("?") ? "&" : "?") + query);
        return 302;
    }

    private static int page(HttpServletResponse resp, String text) throws IOException {
        HttpSupport.writeText(resp, 400, "text/plain;charset=UTF-8", text);
        return 400;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
