package io.memberpulse.salesforce.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Outbox items and sync-log entries written straight into the database, as the outbound pipeline
 * would have left them, for tests of what reads and retries them. Use tenants with auto-sync off
 * (or without pending work), so the live pipeline leaves these rows alone.
 */
public final class OutboxRows {

    private final AgroalDataSource database;
    private final String tenantId;

    public OutboxRows(AgroalDataSource database, String tenantId) {
        this.database = database;
        this.tenantId = tenantId;
    }

    /** An outbox item; FAILED ones carry Salesforce's error, IN_FLIGHT ones a claim far in the future. */
    public long item(String memberId, String status, String fieldsJson) {
        return item(memberId, status, fieldsJson, 0);
    }

    public long item(String memberId, String status, String fieldsJson, int priority) {
        boolean failed = "FAILED".equals(status);
        return insert("insert into outbox_item (tenant_id, member_id, operation, fields, field_times, priority, "
                + "status, attempts, claimed_until, last_error_code, last_error_message) values (?, ?, "
                + "'CONTACT_UPSERT', ?::jsonb, '{}'::jsonb, ?, ?, ?, "
                + ("IN_FLIGHT".equals(status) ? "now() + interval '1 hour'" : "null") + ", ?, ?) returning id",
                memberId, fieldsJson, priority, status, failed || "DONE".equals(status) ? 1 : 0,
                failed ? "REQUIRED_FIELD_MISSING" : null, failed ? "Required fields are missing: [LastName]" : null);
    }

    /** A sync-log entry of the given outcome for an outbox item (null: none). */
    public long logEntry(String memberId, String outcome, Long outboxItemId) {
        boolean failed = "FAILED".equals(outcome);
        return insert("insert into sync_log (tenant_id, member_id, operation, salesforce_id, outcome, error_code, "
                + "error_message, admin_hint, attempts, outbox_item_id) values (?, ?, 'CONTACT_UPSERT', ?, ?, ?, ?, ?, "
                + "1, ?) returning id", memberId, failed ? null : "003000000000001AAA", outcome,
                failed ? "REQUIRED_FIELD_MISSING" : null, failed ? "Required fields are missing: [LastName]" : null,
                failed ? "Give the member a last name in MemberPulse, then retry" : null, outboxItemId);
    }

    /** A single value of a query with the tenant id as its only parameter. */
    public String value(String sql) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        return Long.parseLong(value(sql));
    }

    /** An update with the tenant id as its only parameter. */
    public void update(String sql) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(String sql, Object... values) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 2, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
