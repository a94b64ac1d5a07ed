package io.memberpulse.salesforce.salesforce;

import org.eclipse.microprofile.config.ConfigProvider;

/** The {@code Sforce-Call-Options} header value, from {@code memberpulse.salesforce.client-name}. */
final class CallOptions {

    static final String HEADER = "Sforce-Call-Options";

    private CallOptions() {
    }

    /** Called by the REST client for every request (see {@link SalesforceApi}). */
    static String header() {
        return "client=" + ConfigProvider.getConfig().getValue("memberpulse.salesforce.client-name", String.class);
    }
}
