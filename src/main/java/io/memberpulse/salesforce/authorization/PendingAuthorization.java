package io.memberpulse.salesforce.authorization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An authorization in progress: bound to a tenant, used once, expiring soon. */
@Entity
@Table(name = "oauth_authorization")
class PendingAuthorization extends PanacheEntityBase {

    /** SHA-256 of the state: the state itself travels only through the browser. */
    @Id
    @Column(name = "state_hash")
    String stateHash;

    @Column(name = "tenant_id", nullable = false)
    String tenantId;

    /** The PKCE code verifier, sealed with the tenant-secret key. */
    @Column(name = "code_verifier", nullable = false)
    byte[] codeVerifier;

    @Column(name = "key_id", nullable = false)
    String keyId;

    @Column(name = "redirect_uri", nullable = false)
    String redirectUri;

    @Column(name = "login_url", nullable = false)
    String loginUrl;

    @Column(name = "client_id", nullable = false)
    String clientId;

    @Column(name = "requested_by", nullable = false)
    String requestedBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
}
