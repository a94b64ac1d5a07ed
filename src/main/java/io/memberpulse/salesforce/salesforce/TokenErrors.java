package io.memberpulse.salesforce.salesforce;

import io.quarkus.oidc.client.OidcClientException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies token-endpoint failures. The OIDC client reports Salesforce's error body inside its
 * exception message ({@code status: 400, error message: {"error":...,"error_description":...}}).
 */
final class TokenErrors {

    /** OAuth errors that mean the credentials themselves are wrong: retrying cannot help. */
    private static final Set<String> REJECTIONS = Set.of("invalid_client", "invalid_client_id", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "inactive_user", "inactive_org", "invalid_request",
            "access_denied");

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DESCRIPTION = Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STATUS = Pattern.compile("status: (\\d{3})");

    private TokenErrors() {
    }

    static SalesforceException translate(Throwable failure) {
        if (failure instanceof SalesforceException) {
            return (SalesforceException) failure;
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String error = first(ERROR, message);
        if (error != null && REJECTIONS.contains(error)) {
            return new SalesforceException.CredentialsRejected(error, first(DESCRIPTION, message));
        }
        String status = first(STATUS, message);
        int code = status == null ? 0 : Integer.parseInt(status);
        if (failure instanceof OidcClientException && code >= 400 && code < 500 && error != null) {
            return new SalesforceException.CredentialsRejected(error, first(DESCRIPTION, message));
        }
        // No answer, a 5xx or rate limiting: the token endpoint may well work in a moment.
        return new SalesforceException.Retryable(code, error == null ? "TOKEN_ENDPOINT_UNAVAILABLE" : error,
                "The Salesforce token endpoint did not answer usefully" + (code == 0 ? "" : " (HTTP " + code + ")"),
                failure);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
