package io.memberpulse.salesforce.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The CometD subscriber switched on, with short leases, ticks and backoffs. */
public class CdcTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("%test.memberpulse.inbound.cdc.enabled", "true",
                "memberpulse.inbound.cdc.lease-duration", "PT3S",
                "memberpulse.inbound.cdc.tick", "PT1S",
                "memberpulse.inbound.cdc.silence-timeout", "PT4S",
                "memberpulse.inbound.cdc.initial-backoff", "PT0.05S",
                "memberpulse.inbound.cdc.max-backoff", "PT0.5S",
                "quarkus.log.category.\"io.memberpulse.salesforce.inbound.CdcSubscriber\".level", "DEBUG",
                "quarkus.log.category.\"io.memberpulse.salesforce.inbound.StreamingSession\".level", "DEBUG",
                // stale drops: expected in races, and the first suspect when a change goes missing
                "quarkus.log.category.\"io.memberpulse.salesforce.inbound.ChangeBatch\".level", "DEBUG");
    }
}
