package io.memberpulse.salesforce.inbound;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.InboundRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A streaming tenant for subscriber tests: connected to the emulator's default org (state
 * CONNECTED, org known, auto-sync on), with members linked to Contacts seeded without CDC.
 */
final class CdcTenant {

    static final ObjectMapper JSON = new ObjectMapper();

    final ConnectedTenant tenant;
    final InboundRows rows;
    final EmulatedOrg org;
    final List<String> contacts = new ArrayList<>();

    CdcTenant(SalesforceEmulator emulator, AgroalDataSource database, int members) {
        this.tenant = new ConnectedTenant(emulator, database, true);
        this.rows = new InboundRows(database, tenant.id);
        this.org = emulator.defaultOrg();
        for (int i = 0; i < members; i++) {
            String member = tenant.member(i);
            String contact = org.seed("Contact", Map.of("LastName", "Start", "MemberPulse_Id__c", member));
            rows.link(member, contact, "{\"LastName\":\"Start\"}", "{}");
            contacts.add(contact);
        }
        rows.query("update salesforce_connection set state = 'CONNECTED', org_id = ?, instance_url = ?, "
                + "state_changed_at = now() where tenant_id = ? returning tenant_id", org.orgId(), emulator.baseUrl(),
                tenant.id);
    }

    String id() {
        return tenant.id;
    }

    /** Waits until the first subscription's catch-up stored the Contact channel's watermark. */
    CdcTenant awaitSubscribed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> position(CdcSubscriber.CONTACTS) != null);
        return this;
    }

    /** The stored replay id of a channel, or null. */
    Long position(String channel) {
        List<Map<String, String>> found = rows.query("select replay_id::text as replay_id from inbound_position "
                + "where tenant_id = ? and channel = ?", tenant.id, channel);
        return found.isEmpty() ? null : Long.valueOf(found.get(0).get("replay_id"));
    }

    /** The last names MemberPulse was told about, per member, in delivery order. */
    List<String> deliveredLastNames(String memberId) {
        List<String> names = new ArrayList<>();
        for (Map<String, String> delivery : rows.deliveries()) {
            JsonNode body = read(delivery.get("body"));
            if (memberId.equals(body.path("memberId").asText()) && body.path("fields").has("lastName")) {
                names.add(body.path("fields").path("lastName").asText());
            }
        }
        return names;
    }

    void autoSyncOff() {
        rows.query("update salesforce_connection set auto_sync = false where tenant_id = ? returning tenant_id",
                tenant.id);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
