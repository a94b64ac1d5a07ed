package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks and normalises a My Domain URL: an https origin (no path, query, fragment or credentials),
 * or plain http on a loopback host, which is how the local Salesforce emulator is reached.
 */
final class MyDomainUrls {

    private static final String FIELD = "myDomainUrl";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private MyDomainUrls() {
    }

    /** The URL as {@code scheme://host[:port]}, or null when none was given. */
    static String normalize(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri = parse(value.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw invalid("must be an absolute URL such as https://acme.my.salesforce.com");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw invalid("must use https (http is accepted only for localhost)");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw invalid("must be the bare origin, without path, query, fragment or credentials");
        }
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidField(FIELD, message);
    }
}
