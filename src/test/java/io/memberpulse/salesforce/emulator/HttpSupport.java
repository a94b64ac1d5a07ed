package io.memberpulse.salesforce.emulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small servlet helpers shared by the emulator's endpoints. */
final class HttpSupport {

    static final String JSON = "application/json;charset=UTF-8";

    private HttpSupport() {
    }

    static String body(HttpServletRequest request) throws IOException {
        return new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        if (body == null) {
            return;
        }
        response.setHeader("Content-Type", JSON);
        response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    static void writeText(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    /** The token of {@code Authorization: Bearer x}, {@code OAuth x}, or a bare token. */
    static String bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.trim();
        for (String scheme : new String[] {"Bearer ", "OAuth "}) {
            if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return value.substring(scheme.length()).trim();
            }
        }
        return value;
    }

    /** The {@code client=} value of {@code Sforce-Call-Options} (separators {@code ;} or {@code ,}). */
    static String callOptionsClient(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split("[;,]")) {
            String p = part.trim();
            if (p.startsWith("client=")) {
                return p.substring("client=".length()).trim();
            }
        }
        return null;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
