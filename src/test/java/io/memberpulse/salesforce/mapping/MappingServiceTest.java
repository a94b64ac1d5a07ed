package io.memberpulse.salesforce.mapping;

import static io.memberpulse.salesforce.mapping.MappingDocs.field;
import static io.memberpulse.salesforce.mapping.MappingDocs.path;
import static io.memberpulse.salesforce.mapping.MappingDocs.withField;
import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the sync pipeline gets from {@link MappingService#contactMapping}: stored, cached, invalidated on PUT. */
@QuarkusTest
class MappingServiceTest {

    @Inject
    MappingService mappings;

    @Inject
    AgroalDataSource database;

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAConnection() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        as(admin).body(Map.of("environment", "SANDBOX", "consumerKey", "ck", "consumerSecret", "valid-secret-1234"))
                .put(connectionPath(tenant)).then().statusCode(201);
    }

    @Test
    void aTenantWithoutStoredSettingsGetsTheDefaults() throws Throwable {
        assertThat(contactMapping()).isEqualTo(ContactMapping.defaults());
    }

    @Test
    void aPutReplacesTheCachedMappingAtOnce() throws Throwable {
        assertThat(contactMapping()).isEqualTo(ContactMapping.defaults());

        Map<String, Object> doc = withField(3, field("phone", "MobilePhone", "from_salesforce"));
        doc.put("deletedMemberPolicy", "clear_status");
        doc.put("apiBudgetShare", 0.3);
        as(admin).body(doc).put(path(tenant)).then().statusCode(201);

        ContactMapping mapping = contactMapping();
        assertThat(mapping.of(MemberField.PHONE)).contains(
                new FieldMapping(MemberField.PHONE, "MobilePhone", FieldRule.FROM_SALESFORCE));
        assertThat(mapping.deletedMemberPolicy()).isEqualTo(DeletedMemberPolicy.CLEAR_STATUS);
        assertThat(mapping.apiBudgetShare()).isEqualTo(0.3);
        assertThat(mapping.fields()).hasSize(6);
    }

    @Test
    void theMappingIsServedFromMemoryUntilInvalidated() throws Throwable {
        as(admin).body(MappingDocs.defaults()).put(path(tenant)).then().statusCode(201);
        assertThat(contactMapping().externalIdField()).isEqualTo("MemberPulse_Id__c");

        // Another replica's change, straight into the table: this replica keeps its copy until the TTL or a PUT.
        setExternalIdField("Other_Replica_Id__c");
        assertThat(contactMapping().externalIdField()).isEqualTo("MemberPulse_Id__c");

        mappings.invalidate(tenant);
        assertThat(contactMapping().externalIdField()).isEqualTo("Other_Replica_Id__c");
    }

    private ContactMapping contactMapping() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> mappings.contactMapping(tenant));
    }

    private void setExternalIdField(String name) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "update sync_settings set external_id_field = ? where tenant_id = ?")) {
            update.setString(1, name);
            update.setString(2, tenant);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
