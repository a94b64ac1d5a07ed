package io.memberpulse.salesforce.emulator;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** In front of CometD: outage faults and the call log ({@code cometd.handshake}, {@code cometd.connect}...). */
final class CometdFilter implements Filter {

    private final SalesforceEmulator emulator;

    CometdFilter(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String uri = req.getRequestURI();
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        String kind = last.matches("handshake|connect|subscribe|unsubscribe|disconnect") ? "cometd." + last : "cometd";
        int status = 200;
        if (emulator.faults().inOutage()) {
            status = 503;
            resp.sendError(503);
        } else {
            chain.doFilter(request, response);
        }
        emulator.callLog().add(new CallRecord(emulator.clock().now(), kind, req.getMethod(), uri, req.getQueryString(),
                HttpSupport.headers(req), emulator.tokens().orgForAccessToken(HttpSupport.bearer(req.getHeader(
                        "Authorization"))).orElse(null), 0, status, null));
    }
}
