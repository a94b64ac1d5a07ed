package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;

/**
 * An authenticated REST request under {@code /services/data/vNN.0/}.
 *
 * @param segments the path after the version, e.g. {@code [sobjects, Contact, 003...]}
 * @param client the {@code client=} of {@code Sforce-Call-Options}, or null
 */
record ApiRequest(String method, String version, List<String> segments, Map<String, String> params,
        Map<String, String> headers, String body, EmulatedOrg org, String client) {

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    double versionNumber() {
        return Double.parseDouble(version);
    }

    String prefix() {
        return "/services/data/v" + version;
    }

    WriteContext writeContext() {
        return new WriteContext(WriteContext.restOrigin(version, client), org.integrationUserId(), true);
    }

    SObjectType type(String name) {
        return org.schema().find(name).orElseThrow(ApiException::notFound);
    }
}
