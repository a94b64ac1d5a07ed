package io.memberpulse.salesforce.campaigns;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A tenant's stored campaign settings (table {@code campaign_settings}). */
@Entity
@Table(name = "campaign_settings")
public class CampaignSettingsRow extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** {@link CampaignSettings} as JSON text; PostgreSQL casts it to jsonb. */
    @Column(name = "document", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "document::text", write = "cast(? as text)::jsonb")
    public String document;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
