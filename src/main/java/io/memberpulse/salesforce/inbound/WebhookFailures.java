package io.memberpulse.salesforce.inbound;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why MemberPulse core did not acknowledge a delivery, as the sync log shows it: what happened and
 * what to check, in words an operator can act on. Built from the HTTP status or the kind of transport
 * failure only, never from an exception's message, which may carry the webhook URL with its
 * credentials or other internals.
 */
record WebhookFailures(String error, String hint) {

    private static final String RETRIED = "The delivery is retried automatically until MemberPulse acknowledges it; "
            + "nothing is lost meanwhile.";

    /** MemberPulse core answered, but not with a 2xx. */
    static WebhookFailures answered(int status) {
        String what = "MemberPulse webhook answered HTTP " + status;
        if (status == 401 || status == 403) {
            return new WebhookFailures(what + ": check that MEMBERPULSE_WEBHOOK_SECRET is the secret MemberPulse core "
                    + "verifies the X-MemberPulse-Signature with", RETRIED);
        }
        if (status == 404 || status == 405) {
            return new WebhookFailures(what + ": check the path in MEMBERPULSE_WEBHOOK_URL", RETRIED);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new WebhookFailures(what + ": MemberPulse core is failing or overloaded", RETRIED);
        }
        return new WebhookFailures(what + ": MemberPulse core rejected the delivery; its logs name the reason for "
                + "the X-MemberPulse-Delivery id", RETRIED);
    }

    /** The request did not get an answer; {@code failure} only decides which sentence. */
    static WebhookFailures unreachable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            WebhookFailures known = known(cause);
            if (known != null) {
                return known;
            }
        }
        return new WebhookFailures("MemberPulse webhook unreachable (network error): check MEMBERPULSE_WEBHOOK_URL and "
                + "the network between this service and MemberPulse core", RETRIED);
    }

    private static WebhookFailures known(Throwable cause) {
        if (cause instanceof ConnectException) {
            return new WebhookFailures("MemberPulse webhook unreachable (connection refused): check "
                    + "MEMBERPULSE_WEBHOOK_URL and that MemberPulse core is running", RETRIED);
        }
        if (cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
            return new WebhookFailures("MemberPulse webhook unreachable (host not found): check the host name in "
                    + "MEMBERPULSE_WEBHOOK_URL", RETRIED);
        }
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            return new WebhookFailures("MemberPulse webhook did not answer in time: check that MemberPulse core is "
                    + "healthy (it should acknowledge within seconds)", RETRIED);
        }
        if (cause instanceof SSLException) {
            return new WebhookFailures("MemberPulse webhook unreachable (TLS handshake failed): check that "
                    + "MEMBERPULSE_WEBHOOK_URL uses the right scheme and port and that its certificate is trusted",
                    RETRIED);
        }
        if (cause instanceof io.vertx.core.http.HttpClosedException) {
            return new WebhookFailures("MemberPulse webhook closed the connection before answering: check that "
                    + "MemberPulse core is healthy", RETRIED);
        }
        return null;
    }
}
