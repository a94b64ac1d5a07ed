package io.memberpulse.salesforce.support;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the end-to-end pipeline tests share: the emulator and the database, a fresh tenant connected
 * to the emulator with auto-sync on before each test (with an empty call log, so call counts are the
 * test's own), and waiting for the pipeline. Subclasses are {@code @QuarkusTest}s with the emulator
 * test resource; their own {@code @BeforeEach} runs after this one.
 */
public abstract class PipelineTestSupport {

    @InjectSalesforceEmulator
    protected SalesforceEmulator emulator;

    @Inject
    protected AgroalDataSource database;

    protected ConnectedTenant tenant;

    @BeforeEach
    void connectTenant() {
        tenant = new ConnectedTenant(emulator, database, true);
        emulator.callLog().reset();
    }

    /** Waits until every stored member event of the tenant is planned. */
    protected void awaitPlanned() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> tenant.count("select count(*) from member_event where tenant_id = ? "
                        + "and planned_at is null") == 0);
    }

    /** Waits until nothing is left to plan and nothing waits or is in flight ({@link ConnectedTenant#isQuiet}). */
    protected void awaitQuiet() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(tenant::isQuiet);
    }

    /** The tenant's settings document {@code name}, e.g. {@code tag-settings}. */
    protected String settingsPath(String name) {
        return "/api/v1/tenants/" + tenant.id + "/salesforce/" + name;
    }
}
