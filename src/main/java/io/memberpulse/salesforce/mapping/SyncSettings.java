package io.memberpulse.salesforce.mapping;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A tenant's stored sync settings (table {@code sync_settings}); tenants without a row use the defaults. */
@Entity
@Table(name = "sync_settings")
public class SyncSettings extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "external_id_field", nullable = false)
    public String externalIdField;

    @Column(name = "membership_status_field", nullable = false)
    public String membershipStatusField;

    @Enumerated(EnumType.STRING)
    @Column(name = "deleted_member_policy", nullable = false)
    public DeletedMemberPolicy deletedMemberPolicy;

    @Column(name = "api_budget_share", nullable = false, precision = 3, scale = 2)
    public BigDecimal apiBudgetShare;

    /**
     * The field mappings as a JSON array (see {@link StoredFieldMappings}). Hibernate Reactive's JSON
     * type binds only JSON objects, so the array travels as text and PostgreSQL casts it.
     */
    @Column(name = "field_mappings", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "field_mappings::text", write = "cast(? as text)::jsonb")
    public String fieldMappings;

    @Column(name = "offer_unlinked_contacts", nullable = false)
    public boolean offerUnlinkedContacts;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
