package io.memberpulse.salesforce.status;

import io.memberpulse.salesforce.outbound.OutboxStats;
import io.memberpulse.salesforce.tenant.ConnectionState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The status panel's one sentence. The first thing that stops the sync wins, because it is the
 * thing the admin has to act on: no connection, rejected credentials, auto-sync off, a pause,
 * an outage; then failed records; then whether changes are on their way.
 */
final class StatusSummary {

    private StatusSummary() {
    }

    static String of(StatusView.Connection connection, boolean connectionExists, OutboxStats stats, Instant now) {
        long waiting = stats.waiting();
        if (!connectionExists) {
            return "Not connected: events are stored and will be sent once you connect.";
        }
        if (connection.state() == ConnectionState.RECONNECT_NEEDED) {
            return "Reconnect needed: " + orDefault(connection.stateDetail(), "Salesforce rejected the credentials")
                    + waitingClause(waiting);
        }
        if (!connection.autoSync()) {
            return "Auto-sync is off: " + (waiting == 0 ? "nothing is waiting." : changes(waiting) + " waiting.");
        }
        if (connection.pausedUntil() != null && connection.pausedUntil().isAfter(now)) {
            return "Paused until " + connection.pausedUntil().truncatedTo(ChronoUnit.SECONDS)
                    + " (daily API limit or API budget used up)" + waitingClause(waiting);
        }
        if ("OPEN".equals(connection.circuitBreaker())) {
            return "Salesforce is failing: calls are held back briefly and retried" + waitingClause(waiting);
        }
        if (stats.failed() > 0) {
            return count(stats.failed(), "record", "records") + " failed: see the sync log"
                    + waitingClause(waiting);
        }
        if (waiting > 0) {
            return "Syncing: " + changes(waiting) + " on the way.";
        }
        return "In sync";
    }

    private static String waitingClause(long waiting) {
        return waiting == 0 ? "." : "; " + changes(waiting) + " waiting.";
    }

    private static String changes(long n) {
        return n == 1 ? "1 change is" : n + " changes are";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.replaceAll("[.\\s]+$", "");
    }
}
