package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.secrets.SecretName;
import io.memberpulse.salesforce.secrets.TenantSecretService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The per-tenant secret in the Outbound Message endpoint URL. Salesforce cannot sign its messages,
 * so the URL itself is the credential: 256 random bits, URL-safe, sealed at rest like every tenant
 * secret, compared in constant time, and shown to the tenant's admins only.
 */
@ApplicationScoped
public class OutboundMessageSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Path of the endpoint, below the service's base URL; the tenant id follows. */
    public static final String PATH = "/salesforce/outbound-messages/";
    /** Query parameter carrying the secret. */
    public static final String SECRET_PARAMETER = "secret";

    private final TenantSecretService secrets;
    private final OutboundMessageConfig config;

    OutboundMessageSecrets(TenantSecretService secrets, OutboundMessageConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    /**
     * The URL an admin pastes into the Outbound Message's Endpoint URL field, secret included. The
     * base is {@code memberpulse.outbound-messages.public-url}, else {@code requestBase} (the base URL
     * the admin's own call came in on).
     */
    public Uni<String> endpointUrl(String tenantId, URI requestBase) {
        String base = config.publicUrl().orElse(requestBase.toString()).replaceAll("/+$", "");
        return secretOf(tenantId)
                .map(secret -> base + PATH + tenantId + "?" + SECRET_PARAMETER + "=" + secret);
    }

    /**
     * The tenant's endpoint secret, made on first use (only then in a write transaction). Admins
     * opening the settings at once may all find none: the insert does nothing when another won, and
     * everyone answers the stored secret.
     */
    @WithSession
    public Uni<String> secretOf(String tenantId) {
        return secrets.reveal(tenantId, SecretName.OUTBOUND_MESSAGE_SECRET)
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                        : Panache.withTransaction(() -> create(tenantId)));
    }

    /** Whether {@code offered} is the tenant's secret; false when it has none. */
    @WithSession
    public Uni<Boolean> matches(String tenantId, String offered) {
        return secrets.reveal(tenantId, SecretName.OUTBOUND_MESSAGE_SECRET)
                .map(stored -> sameSecret(stored, offered));
    }

    private Uni<String> create(String tenantId) {
        return secrets.storeIfAbsent(tenantId, SecretName.OUTBOUND_MESSAGE_SECRET, newSecret());
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant time in the secret's content: a timing probe learns nothing character by character. */
    static boolean sameSecret(Optional<String> stored, String offered) {
        if (stored.isEmpty() || offered == null) {
            return false;
        }
        return MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }
}
