package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of {@link InboundApplier} share: the applier, a fresh tenant id with its rows (settings,
 * links, deliveries) before each test, one Contact id and a reference time, and the applier's drop
 * counters. Subclasses are {@code @QuarkusTest}s.
 */
abstract class InboundApplierTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final String C1 = "003000000000001AAA";

    @Inject
    InboundApplier applier;

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    String tenantId;
    InboundRows rows;

    @BeforeEach
    void freshTenant() {
        tenantId = TestTokens.newTenantId();
        rows = new InboundRows(database, tenantId);
    }

    /** How many changes from {@code source} the counter {@code memberpulse.inbound.<what>.dropped} counted. */
    double dropped(String what, String source) {
        return metrics.counter("memberpulse.inbound." + what + ".dropped", "source", source).count();
    }

    /** A stored delivery body (or other stored JSON) as a tree. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
