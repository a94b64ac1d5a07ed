package io.memberpulse.salesforce.inbound;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why MemberPulse core did not acknowledge a delivery, as the sync log shows it, and why a whole
 * delivery round failed, as the log shows it: what happened and what to check, in words an operator
 * can act on. Built from the HTTP status, the SQLSTATE or the kind of failure only, never from an
 * exception's message, which may carry a URL with its credentials or other internals.
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

    /**
     * A round's claim or record statement failed (the sends themselves never fail a round): which part of
     * the database path, for the log. Nothing is lost, so the hint says what happens next.
     */
    static WebhookFailures round(Throwable failure) {
        String hint = "Nothing is lost: the deliveries stay queued, the poll timer (MEMBERPULSE_WEBHOOK_POLL_INTERVAL) "
                + "starts the next round, and deliveries this round had claimed are resent once their claim expires "
                + "(MEMBERPULSE_WEBHOOK_CLAIM_TIMEOUT).";
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof PgException) {
                return new WebhookFailures("Webhook delivery round failed: PostgreSQL refused the webhook queue's "
                        + "statement with SQLSTATE " + ((PgException) cause).getSqlState() + "; the database's log "
                        + "names the reason", hint);
            }
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException) {
                return new WebhookFailures("Webhook delivery round failed: the database connection was lost or "
                        + "refused; check QUARKUS_DATASOURCE_REACTIVE_URL and that PostgreSQL is running", hint);
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new WebhookFailures("Webhook delivery round failed: the database did not answer in time; "
                        + "check the database's load and the connection pool", hint);
            }
        }
        // The class name only: an exception's message may carry a URL with credentials.
        return new WebhookFailures("Webhook delivery round failed unexpectedly (" + failure.getClass().getSimpleName()
                + "); report it with the time of this line", hint);
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
