package io.memberpulse.salesforce.support;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fresh tenant connected to the emulator's default org (its own connected app, client credentials
 * on the emulator's My Domain), with the queries pipeline tests ask about it.
 */
public final class ConnectedTenant {

    public final String id = TestTokens.newTenantId();
    public final String admin = TestTokens.admin(id);
    private final SalesforceEmulator emulator;
    private final AgroalDataSource database;

    public ConnectedTenant(SalesforceEmulator emulator, AgroalDataSource database, boolean autoSync) {
        this.emulator = emulator;
        this.database = database;
        autoSync(autoSync);
    }

    /** Creates or replaces the connection with auto-sync on or off. */
    public void autoSync(boolean on) {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", SalesforceEmulator.DEFAULT_CLIENT_SECRET, "myDomainUrl", emulator.baseUrl(),
                "autoSync", on))
                .put(connectionPath(id)).then().statusCode(anyOf(is(200), is(201)));
    }

    public String member(int i) {
        return id + "-m" + i;
    }

    /** The tenant's Contacts in the emulator (their external id starts with the tenant id). */
    public List<StoredRecord> contacts() {
        return emulator.defaultOrg().records("Contact").stream()
                .filter(c -> String.valueOf(c.get("MemberPulse_Id__c")).startsWith(id + "-"))
                .collect(Collectors.toList());
    }

    public StoredRecord contact(String memberId) {
        return contacts().stream().filter(c -> memberId.equals(c.get("MemberPulse_Id__c"))).findFirst().orElseThrow();
    }

    /** A count query whose only parameter is the tenant id. */
    public long count(String sql) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing left to plan and nothing waiting or in flight. */
    public boolean isQuiet() {
        return count("select count(*) from member_event where tenant_id = ? and planned_at is null") == 0
                && count("select count(*) from outbox_item where tenant_id = ? and status in ('PENDING', 'IN_FLIGHT')")
                == 0;
    }
}
