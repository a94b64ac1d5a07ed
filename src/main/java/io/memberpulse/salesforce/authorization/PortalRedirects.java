package io.memberpulse.salesforce.authorization;

import java.net.URI;
import java.util.regex.Pattern;

/** The way back to the portal after the flow, with the outcome as query parameters. */
final class PortalRedirects {

    /** Reasons come partly from Salesforce's redirect: keep only short, plain codes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private PortalRedirects() {
    }

    static URI of(AuthorizationConfig config, String tenantId, String outcome, String reason) {
        StringBuilder url = new StringBuilder(config.portalUrl());
        url.append(config.portalUrl().contains("?") ? '&' : '?').append("outcome=").append(outcome);
        if (tenantId != null) {
            url.append("&tenant=").append(AuthorizationUrls.encode(tenantId));
        }
        if (reason != null) {
            url.append("&reason=").append(PLAIN.matcher(reason).matches() ? reason : "unrecognised");
        }
        return URI.create(url.toString());
    }
}
