package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.salesforce.SalesforceConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recognises the service's own writes coming back: every write carries
 * {@code Sforce-Call-Options: client=<name>}, which CDC repeats in {@code changeOrigin}
 * ({@code com/salesforce/api/rest/62.0;client=<name>}).
 */
@ApplicationScoped
class OwnWrites {

    private final String marker;

    OwnWrites(SalesforceConfig salesforce) {
        this.marker = "client=" + salesforce.clientName();
    }

    /** Whether {@code changeOrigin} (null when unknown) names this service's client. */
    boolean made(String changeOrigin) {
        if (changeOrigin == null) {
            return false;
        }
        for (String part : changeOrigin.split(";")) {
            if (part.trim().equals(marker)) {
                return true;
            }
        }
        return false;
    }
}
