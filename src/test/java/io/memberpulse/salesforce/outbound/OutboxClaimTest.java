package io.memberpulse.salesforce.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.InboundRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A slot turn claims work only with the connection as it read it: an item planned after an admin
 * switched the connection (to another org) is left for a turn that reads the new credentials.
 */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class OutboxClaimTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    OutboxRepository outbox;

    @Test
    void aTurnThatReadTheConnectionBeforeItChangedClaimsNothing() throws Throwable {
        // Auto-sync off: the pipeline's own workers leave the item alone.
        ConnectedTenant tenant = new ConnectedTenant(emulator, database, false);
        InboundRows rows = new InboundRows(database, tenant.id);
        long readByTheTurn = version(rows, tenant.id);
        rows.query("insert into outbox_item (tenant_id, member_id, operation, status) "
                + "values (?, ?, 'CONTACT_UPSERT', 'PENDING') returning id", tenant.id, tenant.member(0));
        // What PUT /connection does to the row (JPA @Version), e.g. new credentials of another org.
        rows.query("update salesforce_connection set version = version + 1 where tenant_id = ? returning version",
                tenant.id);

        List<ClaimedItem> stale = claim(tenant.id, readByTheTurn);
        List<ClaimedItem> current = claim(tenant.id, version(rows, tenant.id));

        assertThat(stale).as("claimed with the connection as read before the change").isEmpty();
        assertThat(current).extracting(ClaimedItem::memberId).containsExactly(tenant.member(0));
    }

    private List<ClaimedItem> claim(String tenantId, long connectionVersion) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> outbox.claim(tenantId, connectionVersion, 10,
                Duration.ofSeconds(30), Short.MAX_VALUE));
    }

    private static long version(InboundRows rows, String tenantId) {
        return Long.parseLong(rows.query("select version::text as version from salesforce_connection "
                + "where tenant_id = ?", tenantId).get(0).get("version"));
    }
}
