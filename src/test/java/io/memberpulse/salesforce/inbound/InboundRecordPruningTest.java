package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Record states are forgotten once no change that can still arrive could be older (retention 4 days). */
@QuarkusTest
class InboundRecordPruningTest {

    @Inject
    InboundRecordPruning pruning;

    @Inject
    AgroalDataSource database;

    String tenantId;
    InboundRows rows;

    @BeforeEach
    void tenant() {
        tenantId = TestTokens.newTenantId();
        rows = new InboundRows(database, tenantId);
    }

    @Test
    void rowsOldByBothClocksAreForgottenAndTheRestKept() throws Throwable {
        record("003000000000001AAA", "now() - interval '5 days'", "now() - interval '5 days'");
        record("003000000000002AAA", "now() - interval '5 days'", "null");
        record("003000000000003AAA", "now()", "now() - interval '5 days'");
        record("003000000000004AAA", "now() - interval '5 days'", "now() + interval '1 hour'");
        record("003000000000005AAA", "now() - interval '1 day'", "now() - interval '1 day'");

        VertxContextSupport.subscribeAndAwait(pruning::prune);

        assertThat(remaining()).as("touched recently, stamped ahead of our clock, or within the retention")
                .containsExactly("003000000000003AAA", "003000000000004AAA", "003000000000005AAA");
    }

    @Test
    void aRowAnApplyHoldsLockedIsSkippedNotWaitedFor() throws Throwable {
        record("003000000000001AAA", "now() - interval '5 days'", "now() - interval '5 days'");
        record("003000000000002AAA", "now() - interval '5 days'", "now() - interval '5 days'");
        try (Connection apply = database.getConnection()) {
            apply.setAutoCommit(false);
            try (PreparedStatement lock = apply.prepareStatement("select 1 from inbound_record where tenant_id = ? "
                    + "and salesforce_id = '003000000000001AAA' for update")) {
                lock.setString(1, tenantId);
                lock.executeQuery().close();
            }
            VertxContextSupport.subscribeAndAwait(pruning::prune);
            apply.rollback();
        }

        assertThat(remaining()).containsExactly("003000000000001AAA");
    }

    private void record(String salesforceId, String updatedAt, String changedAt) {
        rows.query("insert into inbound_record (tenant_id, salesforce_id, updated_at, changed_at) values (?, ?, "
                + updatedAt + ", " + changedAt + ") returning salesforce_id", tenantId, salesforceId);
    }

    private List<String> remaining() {
        return rows.query("select salesforce_id from inbound_record where tenant_id = ? order by salesforce_id",
                tenantId).stream().map((Map<String, String> row) -> row.get("salesforce_id")).toList();
    }
}
