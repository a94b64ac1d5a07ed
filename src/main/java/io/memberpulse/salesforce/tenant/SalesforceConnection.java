package io.memberpulse.salesforce.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A tenant's Salesforce connection settings. The consumer secret lives in the secrets store. */
@Entity
@Table(name = "salesforce_connection")
public class SalesforceConnection extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    @Column(name = "consumer_key")
    public String consumerKey;

    @Column(name = "auto_sync", nullable = false)
    public boolean autoSync;

    @Column(name = "my_domain_url")
    public String myDomainUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The org's 18-character id, once a session proved the connection. */
    @Column(name = "org_id")
    public String orgId;

    /** The org's REST host, from the last token response. */
    @Column(name = "instance_url")
    public String instanceUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConnectionState state = ConnectionState.NOT_CONNECTED;

    /** Why the state is what it is, for admins: never a secret. */
    @Column(name = "state_detail")
    public String stateDetail;

    @Column(name = "state_changed_at")
    public Instant stateChangedAt;

    /** Salesforce calls of the tenant wait until then (daily limit reached, API budget spent). */
    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Version
    public long version;
}
