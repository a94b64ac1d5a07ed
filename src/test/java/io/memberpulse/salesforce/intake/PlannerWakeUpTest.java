package io.memberpulse.salesforce.intake;

import static io.memberpulse.salesforce.intake.Events.batch;
import static io.memberpulse.salesforce.intake.Events.post;
import static io.memberpulse.salesforce.intake.Events.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** New events wake the planner through NOTIFY, with the tenant id as payload. */
@QuarkusTest
class PlannerWakeUpTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storingNewEventsNotifiesTheTenantAndDuplicatesDoNot() throws SQLException {
        String tenant = TestTokens.newTenantId();
        String service = TestTokens.service(tenant);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + EventIntakeService.CHANNEL);
            PGConnection listener = connection.unwrap(PGConnection.class);

            post(service, tenant, batch(upserted("e-1", "m-1"))).statusCode(202);
            assertThat(payloads(listener, tenant, 5000)).containsExactly(tenant);

            post(service, tenant, batch(upserted("e-1", "m-1"))).statusCode(202);
            assertThat(payloads(listener, tenant, 500)).isEmpty();
        }
    }

    /** This tenant's notifications within the time limit (other test runs may share the database). */
    private static List<String> payloads(PGConnection listener, String tenant, int timeoutMillis) throws SQLException {
        List<String> payloads = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left = timeoutMillis;
        while (left > 0 && payloads.isEmpty()) {
            PGNotification[] notifications = listener.getNotifications((int) left);
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                if (notification.getName().equals(EventIntakeService.CHANNEL)
                        && notification.getParameter().equals(tenant)) {
                    payloads.add(notification.getParameter());
                }
            }
            left = deadline - System.currentTimeMillis();
        }
        return payloads;
    }
}
