package io.memberpulse.salesforce.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.util.List;
import java.util.Map;

/**
 * What the service did with changes a fault test found missing, logged when the test fails: the
 * evidence lives in the database, which the next run's Flyway clean erases. Per missing value: the
 * delivery queued for it (if any) and its state; then the record's inbound state, the stored
 * positions and the inbound counters (echo, stale, unchanged drops).
 */
final class CdcFaultDiagnostics {

    private static final int SHOWN = 5;

    private CdcFaultDiagnostics() {
    }

    static void report(CdcTenant tenant, MeterRegistry metrics, String member, String contact, List<String> missing) {
        Log.errorf("Fault test diagnostics: member %s (Contact %s) misses %d values: %s", member, contact,
                missing.size(), missing);
        for (String value : missing.subList(0, Math.min(SHOWN, missing.size()))) {
            List<Map<String, String>> deliveries = tenant.rows.query("select id::text, source, dedupe_key, status, "
                    + "attempts::text, last_error, created_at::text, delivered_at::text from webhook_delivery "
                    + "where tenant_id = ? and body like ?", tenant.id(), "%\"lastName\":\"" + value + "\"%");
            Log.errorf("  %s: %s", value, deliveries.isEmpty() ? "no delivery queued" : deliveries);
        }
        Log.errorf("  inbound_record: %s", tenant.rows.query("select changed_at::text, updated_at::text "
                + "from inbound_record where tenant_id = ? and salesforce_id = ?", tenant.id(), contact));
        Log.errorf("  member_link: %s", tenant.rows.query("select salesforce_id, last_written::text "
                + "from member_link where tenant_id = ? and member_id = ?", tenant.id(), member));
        Log.errorf("  positions: %s", tenant.rows.query("select channel, replay_id::text, last_commit_at::text "
                + "from inbound_position where tenant_id = ?", tenant.id()));
        for (Counter counter : metrics.find("memberpulse.inbound.events.applied").counters()) {
            Log.errorf("  %s %s = %.0f", counter.getId().getName(), counter.getId().getTags(), counter.count());
        }
        for (String name : List.of("echoes", "stale", "unchanged")) {
            for (Counter counter : metrics.find("memberpulse.inbound." + name + ".dropped").counters()) {
                Log.errorf("  %s %s = %.0f", counter.getId().getName(), counter.getId().getTags(), counter.count());
            }
        }
    }
}
