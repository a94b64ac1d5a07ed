package io.memberpulse.salesforce.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Puts member events into the inbox the way the intake does (insert, then NOTIFY), for tests of
 * the pipeline behind it.
 */
public final class MemberEvents {

    private final AgroalDataSource database;
    private final String tenantId;

    public MemberEvents(AgroalDataSource database, String tenantId) {
        this.database = database;
        this.tenantId = tenantId;
    }

    public void upserted(String memberId, String dataJson) {
        store("member.upserted", memberId, dataJson, Instant.now());
    }

    /** Many member.upserted events in one transaction, as one intake request stores them. */
    public void upsertedBatch(java.util.Map<String, String> dataByMember) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into member_event (tenant_id, event_id, type, "
                    + "member_id, occurred_at, data) values (?, ?, 'member.upserted', ?, ?, ?::jsonb)")) {
                for (java.util.Map.Entry<String, String> entry : dataByMember.entrySet()) {
                    insert.setString(1, tenantId);
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, entry.getKey());
                    insert.setTimestamp(4, Timestamp.from(Instant.now()));
                    insert.setString(5, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement notify = c.prepareStatement("select pg_notify('memberpulse_member_events', ?)")) {
                notify.setString(1, tenantId);
                notify.execute();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void store(String type, String memberId, String dataJson, Instant occurredAt) {
        try (Connection c = database.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into member_event (tenant_id, event_id, type, "
                    + "member_id, occurred_at, data) values (?, ?, ?, ?, ?, ?::jsonb)")) {
                insert.setString(1, tenantId);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, type);
                insert.setString(4, memberId);
                insert.setTimestamp(5, Timestamp.from(occurredAt));
                insert.setString(6, dataJson);
                insert.executeUpdate();
            }
            try (PreparedStatement notify = c.prepareStatement("select pg_notify('memberpulse_member_events', ?)")) {
                notify.setString(1, tenantId);
                notify.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
