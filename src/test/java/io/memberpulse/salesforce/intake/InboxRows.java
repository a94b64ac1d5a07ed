package io.memberpulse.salesforce.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the inbox back over JDBC, independently of the code under test. */
@ApplicationScoped
class InboxRows {

    /** One stored row; {@code data} as PostgreSQL renders the jsonb. */
    record Row(String eventId, String type, String memberId, OffsetDateTime occurredAt, String data,
            OffsetDateTime receivedAt, OffsetDateTime plannedAt) {
    }

    private final AgroalDataSource dataSource;

    InboxRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tenant's rows in insertion order. */
    List<Row> of(String tenantId) {
        String sql = "select event_id, type, member_id, occurred_at, data::text, received_at, planned_at "
                + "from member_event where tenant_id = ? order by id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
                            result.getObject(4, OffsetDateTime.class), result.getString(5),
                            result.getObject(6, OffsetDateTime.class), result.getObject(7, OffsetDateTime.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int count(String tenantId) {
        return of(tenantId).size();
    }
}
