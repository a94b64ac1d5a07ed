package io.memberpulse.salesforce.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a tenant's connection settings: who, when, which fields. Never values of secrets. */
@Entity
@Table(name = "connection_audit")
public class ConnectionAudit extends PanacheEntityBase {

    /** What happened to the connection. */
    public enum Action { CREATED, UPDATED, DELETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    @Column(nullable = false)
    public String actor;

    /** Comma-separated JSON names of the changed fields. */
    @Column(name = "changed_fields", nullable = false)
    public String changedFields;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
