package io.memberpulse.salesforce.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seeds and reads the inbound tables of one tenant over JDBC (member links, deliveries, settings). */
public final class InboundRows {

    private final AgroalDataSource database;
    private final String tenantId;

    public InboundRows(AgroalDataSource database, String tenantId) {
        this.database = database;
        this.tenantId = tenantId;
    }

    /** Links a member to a Salesforce record with the values last written and MemberPulse's field times. */
    public void link(String memberId, String salesforceId, String lastWrittenJson, String fieldTimesJson) {
        update("insert into member_link (tenant_id, member_id, salesforce_id, last_written, last_written_at, "
                + "field_times) values (?, ?, ?, ?::jsonb, now(), ?::jsonb)", tenantId, memberId, salesforceId,
                lastWrittenJson, fieldTimesJson);
    }

    /**
     * Stores the tenant's field mapping ({@code [{"memberPulseField":"email","salesforceField":"Email",
     * "rule":"TWO_WAY"}]}) and its unlinked-Contact opt-in, bypassing the API's org check.
     */
    public void settings(String fieldMappingsJson, boolean offerUnlinkedContacts) {
        update("insert into sync_settings (tenant_id, field_mappings, updated_at, updated_by, "
                + "offer_unlinked_contacts) values (?, ?::jsonb, now(), 'test', ?) on conflict (tenant_id) do update "
                + "set field_mappings = excluded.field_mappings, offer_unlinked_contacts = "
                + "excluded.offer_unlinked_contacts", tenantId, fieldMappingsJson, offerUnlinkedContacts);
    }

    /** The member's link: salesforce_id and last_written (text), or an empty map when unlinked. */
    public Map<String, String> link(String memberId) {
        List<Map<String, String>> rows = query("select salesforce_id, last_written::text as last_written, "
                + "field_times::text as field_times from member_link where tenant_id = ? and member_id = ?",
                tenantId, memberId);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** The tenant's queued deliveries in queue order: change_type, member_id, salesforce_id, body, status. */
    public List<Map<String, String>> deliveries() {
        return query("select delivery_id, change_type, member_id, salesforce_id, body, status, attempts::text "
                + "as attempts from webhook_delivery where tenant_id = ? order by id", tenantId);
    }

    /** The tenant's sync-log lines, oldest first: operation, outcome, member_id, salesforce_id, error_message. */
    public List<Map<String, String>> syncLog() {
        return query("select operation, outcome, member_id, salesforce_id, error_message from sync_log "
                + "where tenant_id = ? order by id", tenantId);
    }

    public List<Map<String, String>> query(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Map<String, String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
