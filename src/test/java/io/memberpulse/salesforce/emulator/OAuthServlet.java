package io.memberpulse.salesforce.emulator;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token} and {@code /services/oauth2/revoke} (reference §1, samples 1-2):
 * client credentials (My Domain host only), authorization code with PKCE, refresh token.
 */
final class OAuthServlet extends HttpServlet {

    private final SalesforceEmulator emulator;

    OAuthServlet(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = HttpSupport.orEmpty(req.getPathInfo());
        if (path.equals("/authorize")) {
            new AuthorizeEndpoint(emulator).handle(req, resp);
            return;
        }
        emulator.faults().applyLatency();
        int status;
        String orgId = null;
        if (emulator.faults().inOutage()) {
            status = 503;
            HttpSupport.writeText(resp, 503, "text/html", "<html><body>Service Unavailable</body></html>");
        } else if (path.equals("/token") && req.getMethod().equals("POST")) {
            Optional<EmulatedOrg> org = emulator.findOrgByClientId(clientId(req));
            orgId = org.map(EmulatedOrg::orgId).orElse(null);
            emulator.oauth().countRequest(orgId);
            status = token(req, resp, org);
        } else if (path.equals("/revoke")) {
            status = revoke(req, resp);
        } else {
            status = 404;
            HttpSupport.writeJson(resp, 404, java.util.List.of(ApiException.notFound().errors().get(0).restJson()));
        }
        String kind = "oauth." + path.replace("/", "");
        emulator.callLog().add(new CallRecord(emulator.clock().now(), kind, req.getMethod(), req.getRequestURI(),
                req.getQueryString(), HttpSupport.headers(req), orgId, 0, status, null));
    }

    private int token(HttpServletRequest req, HttpServletResponse resp, Optional<EmulatedOrg> org)
            throws IOException {
        resp.setHeader("Cache-Control", "no-cache, no-store");
        resp.setHeader("Pragma", "no-cache");
        String grant = HttpSupport.orEmpty(req.getParameter("grant_type"));
        if (!grant.equals("client_credentials") && !grant.equals("authorization_code")
                && !grant.equals("refresh_token") && !grant.equals("password")) {
            return error(resp, "unsupported_grant_type", "grant type not supported");
        }
        if (grant.equals("client_credentials") && emulator.oauth().isLoginHost(req.getHeader("Host"))) {
            return error(resp, "invalid_grant", "request not supported on this domain");
        }
        if (org.isEmpty()) {
            return error(resp, "invalid_client_id", "client identifier invalid");
        }
        String secret = clientSecret(req);
        boolean secretRequired = grant.equals("client_credentials") || grant.equals("password");
        if ((secretRequired || secret != null) && !org.get().clientSecret().equals(secret)) {
            return error(resp, "invalid_client", "invalid client credentials");
        }
        switch (grant) {
            case "client_credentials":
                return success(resp, org.get(), null, "api");
            case "refresh_token":
                return refresh(req, resp, org.get());
            case "authorization_code":
                return code(req, resp, org.get());
            default:
                return error(resp, "invalid_grant", "authentication failure");
        }
    }

    private int refresh(HttpServletRequest req, HttpServletResponse resp, EmulatedOrg org) throws IOException {
        String refreshToken = req.getParameter("refresh_token");
        if (!emulator.oauth().orgForRefreshToken(refreshToken).filter(org.orgId()::equals).isPresent()) {
            return error(resp, "invalid_grant", "expired access/refresh token");
        }
        String access = emulator.oauth().newAccessToken(org.orgId(), refreshToken);
        return write(resp, org, access, null, "refresh_token api");
    }

    private int code(HttpServletRequest req, HttpServletResponse resp, EmulatedOrg org) throws IOException {
        Optional<OAuthTokens.AuthCode> code = emulator.oauth().takeCode(req.getParameter("code"));
        if (code.isEmpty() || !code.get().orgId().equals(org.orgId())) {
            return error(resp, "invalid_grant", "invalid authorization code");
        }
        if (!code.get().redirectUri().equals(req.getParameter("redirect_uri"))) {
            return error(resp, "invalid_grant", "redirect_uri must match configuration");
        }
        if (code.get().challenge() != null && !Pkce.matches(code.get().challenge(), req.getParameter("code_verifier"))) {
            return error(resp, "invalid_grant", "invalid code verifier");
        }
        String refreshToken = emulator.oauth().newRefreshToken(org.orgId());
        String access = emulator.oauth().newAccessToken(org.orgId(), refreshToken);
        return write(resp, org, access, refreshToken, "refresh_token api");
    }

    private int success(HttpServletResponse resp, EmulatedOrg org, String refreshToken, String scope)
            throws IOException {
        return write(resp, org, emulator.oauth().newAccessToken(org.orgId(), refreshToken), refreshToken, scope);
    }

    private int write(HttpServletResponse resp, EmulatedOrg org, String access, String refreshToken, String scope)
            throws IOException {
        String id = emulator.baseUrl() + "/id/" + org.orgId() + "/" + org.integrationUserId();
        String issuedAt = Long.toString(System.currentTimeMillis());
        Map<String, Object> body = Json.obj("access_token", access);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("signature", sign(org.clientSecret(), id + issuedAt));
        body.put("scope", scope);
        if (refreshToken == null && scope.equals("api")) {
            body.put("token_format", "opaque");
        }
        body.put("instance_url", emulator.baseUrl());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        HttpSupport.writeJson(resp, 200, body);
        return 200;
    }

    private int revoke(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (emulator.oauth().revoke(HttpSupport.orEmpty(req.getParameter("token")))) {
            resp.setStatus(200);
            return 200;
        }
        return error(resp, "unsupported_token_type", "this token type is not supported");
    }

    private static int error(HttpServletResponse resp, String error, String description) throws IOException {
        HttpSupport.writeJson(resp, 400, Json.obj("error", error, "error_description", description));
        return 400;
    }

    private static String clientId(HttpServletRequest req) {
        String basic = basicCredentials(req);
        return basic != null ? basic.split(":", 2)[0] : req.getParameter("client_id");
    }

    private static String clientSecret(HttpServletRequest req) {
        String basic = basicCredentials(req);
        return basic != null && basic.contains(":") ? basic.split(":", 2)[1] : req.getParameter("client_secret");
    }

    private static String basicCredentials(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        return new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
    }

    /** Salesforce's signature: base64 HMAC-SHA256 of id + issued_at keyed with the client secret. */
    static String sign(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
