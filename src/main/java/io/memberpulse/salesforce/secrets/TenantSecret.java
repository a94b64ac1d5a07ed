package io.memberpulse.salesforce.secrets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One encrypted secret of a tenant. Never leaves the {@code secrets} package. */
@Entity
@Table(name = "tenant_secret")
class TenantSecret extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "tenant_id", nullable = false)
    String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SecretName name;

    @Column(nullable = false)
    byte[] ciphertext;

    @Column(name = "key_id", nullable = false)
    String keyId;

    @Column(nullable = false)
    String last4;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
