package io.memberpulse.salesforce.emulator;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /services/data/...}: authentication, faults, API limits and the call log around the REST
 * resources, with Salesforce's error bodies and the {@code Sforce-Limit-Info} header.
 */
final class DataApiServlet extends HttpServlet {

    private static final List<Map<String, Object>> INVALID_SESSION = List.of(
            Json.obj("message", "Session expired or invalid", "errorCode", "INVALID_SESSION_ID"));

    private final SalesforceEmulator emulator;

    DataApiServlet(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = Optional.ofNullable(req.getParameter("_HttpMethod")).orElse(req.getMethod());
        List<String> path = Arrays.stream(HttpSupport.orEmpty(req.getPathInfo()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        Map<String, String> headers = HttpSupport.headers(req);
        String body = HttpSupport.body(req);
        String kind = path.isEmpty() ? "versions" : CallKinds.of(method, path.subList(1, path.size()));
        Optional<EmulatedOrg> org = emulator.tokens().orgForAccessToken(HttpSupport.bearer(headers.get("authorization")))
                .flatMap(emulator::findOrg);
        ApiResponse response = respond(method, path, headers, body, org, params(req));
        write(resp, response, org, path.isEmpty());
        emulator.callLog().add(new CallRecord(emulator.clock().now(), kind, method, req.getRequestURI(),
                req.getQueryString(), headers, org.map(EmulatedOrg::orgId).orElse(null), response.recordCount(),
                response.status(), headers.get("sforce-call-options")));
    }

    private ApiResponse respond(String method, List<String> path, Map<String, String> headers, String body,
            Optional<EmulatedOrg> org, Map<String, String> params) {
        if (path.isEmpty()) {
            return ApiResponse.of(200, ApiVersions.listing());
        }
        if (!path.get(0).startsWith("v") || !ApiVersions.supported(path.get(0).substring(1))) {
            return error(ApiException.notFound());
        }
        emulator.faults().applyLatency();
        if (emulator.faults().inOutage() || org.isPresent() && emulator.faults().takeUnavailable()) {
            return error(new ApiException(503, "SERVER_UNAVAILABLE", "Server Unavailable"));
        }
        if (org.isEmpty()) {
            return new ApiResponse(401, INVALID_SESSION, Map.of("WWW-Authenticate", "Token"), 0);
        }
        if (emulator.faults().limitTripped() || !org.get().limits().tryAcquire()) {
            return error(new ApiException(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        }
        ApiRequest request = new ApiRequest(method, path.get(0).substring(1), path.subList(1, path.size()), params,
                headers, body, org.get(), HttpSupport.callOptionsClient(headers.get("sforce-call-options")));
        try {
            return route(request);
        } catch (ApiException e) {
            return error(e);
        }
    }

    private ApiResponse route(ApiRequest req) {
        String first = HttpSupport.orEmpty(req.segment(0));
        switch (first) {
            case "":
                return ApiResponse.of(200, resources(req));
            case "limits":
                return ApiResponse.of(200, req.org().limits().limitsJson());
            case "sobjects":
                return SObjectsResource.handle(req);
            case "composite":
                if ("sobjects".equals(req.segment(1))) {
                    return CollectionsResource.handle(req);
                }
                throw ApiException.notFound();
            case "query":
            case "queryAll":
                return emulator.queries().handle(req);
            case "jobs":
                return emulator.bulk().handle(req);
            case "emulator":
                return convertLead(req);
            default:
                throw ApiException.notFound();
        }
    }

    /**
     * Test-only {@code POST .../emulator/convertLead/{leadId}} (not a Salesforce endpoint): converts the
     * Lead as Salesforce's convertLead does, for dev mode and black-box tests. 404 for an unknown Lead,
     * 400 {@code CANNOT_UPDATE_CONVERTED_LEAD} for one already converted.
     */
    private static ApiResponse convertLead(ApiRequest req) {
        String leadId = req.segment(2);
        if (!"POST".equals(req.method()) || !"convertLead".equals(req.segment(1)) || leadId == null) {
            throw ApiException.notFound();
        }
        StoredRecord lead = req.org().record(leadId);
        if (lead == null || !lead.type().equals("Lead") || lead.isDeleted()) {
            throw ApiException.notFound();
        }
        if (Boolean.TRUE.equals(lead.get("IsConverted"))) {
            throw ApiException.badRequest("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead");
        }
        String contactId = req.org().convertLead(lead.id());
        return ApiResponse.of(200, Json.obj("leadId", lead.id(), "convertedContactId", contactId,
                "convertedAccountId", req.org().record(contactId).get("AccountId")));
    }

    private static Map<String, Object> resources(ApiRequest req) {
        String p = req.prefix();
        return Json.obj("sobjects", p + "/sobjects", "query", p + "/query", "queryAll", p + "/queryAll",
                "composite", p + "/composite", "limits", p + "/limits", "jobs", p + "/jobs");
    }

    private static ApiResponse error(ApiException e) {
        return ApiResponse.of(e.status(), e.errors().stream().map(ApiError::restJson).toList());
    }

    private void write(HttpServletResponse resp, ApiResponse response, Optional<EmulatedOrg> org, boolean versions)
            throws IOException {
        if (org.isPresent() && !versions) {
            resp.setHeader("Sforce-Limit-Info", org.get().limits().header());
        }
        response.headers().forEach(resp::setHeader);
        if (response.body() instanceof String) {
            HttpSupport.writeText(resp, response.status(), "text/csv", (String) response.body());
        } else {
            HttpSupport.writeJson(resp, response.status(), response.body());
        }
    }

    private static Map<String, String> params(HttpServletRequest req) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = req.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return params;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
