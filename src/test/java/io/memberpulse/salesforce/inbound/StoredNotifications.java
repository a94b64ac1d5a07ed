package io.memberpulse.salesforce.inbound;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code outbound_message_notification} rows of a tenant for assertions. */
final class StoredNotifications {

    private StoredNotifications() {
    }

    static List<String> of(AgroalDataSource database, String tenantId) {
        return query(database, "select notification_id || ' ' || object_type || ' ' || record_id || ' ' || org_id "
                + "from outbound_message_notification where tenant_id = ? order by id", tenantId);
    }

    static List<String> statuses(AgroalDataSource database, String tenantId) {
        return query(database, "select notification_id || ' ' || status from outbound_message_notification "
                + "where tenant_id = ? order by id", tenantId);
    }

    static List<String> query(AgroalDataSource database, String sql, String tenantId) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
