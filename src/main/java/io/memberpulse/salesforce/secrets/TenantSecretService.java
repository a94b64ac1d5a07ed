package io.memberpulse.salesforce.secrets;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stores, reveals and forgets tenant secrets. Callers run these inside their own session or
 * transaction; the plaintext exists only in memory, on its way to Salesforce.
 */
@ApplicationScoped
public class TenantSecretService {

    private final TenantSecretRepository repository;
    private final SecretCipher cipher;

    TenantSecretService(TenantSecretRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    /** Creates or replaces a secret, sealed under the current key. */
    public Uni<Void> store(String tenantId, SecretName name, String plaintext) {
        SealedSecret sealed = cipher.seal(plaintext, associatedData(tenantId, name));
        return repository.findOne(tenantId, name)
                .map(existing -> existing != null ? existing : newSecret(tenantId, name))
                .invoke(secret -> fill(secret, sealed, plaintext))
                .call(repository::persist)
                .replaceWithVoid();
    }

    /**
     * Stores {@code plaintext} unless the tenant already has a secret of that name, then answers the
     * secret the tenant has: the same value for every caller, however many create it at once. Run it
     * in a transaction.
     */
    public Uni<String> storeIfAbsent(String tenantId, SecretName name, String plaintext) {
        SealedSecret sealed = cipher.seal(plaintext, associatedData(tenantId, name));
        return repository.insertIfAbsent(tenantId, name, sealed, lastFour(plaintext))
                .chain(() -> reveal(tenantId, name))
                .map(stored -> stored.orElseThrow(() -> new IllegalStateException("Secret " + name
                        + " of tenant " + tenantId + " vanished while it was created")));
    }

    /** The plaintext of a secret, if the tenant has one. */
    public Uni<Optional<String>> reveal(String tenantId, SecretName name) {
        return repository.findOne(tenantId, name)
                .map(Optional::ofNullable)
                .map(found -> found.map(secret -> open(tenantId, secret)));
    }

    /** Hints for every secret of a tenant, by name. */
    public Uni<Map<SecretName, SecretHint>> hints(String tenantId) {
        return repository.findAll(tenantId)
                .map(secrets -> secrets.stream()
                        .collect(Collectors.toMap(secret -> secret.name, TenantSecretService::hint)));
    }

    /** Forgets one secret; true if there was one. */
    public Uni<Boolean> forget(String tenantId, SecretName name) {
        return repository.deleteOne(tenantId, name).map(count -> count > 0);
    }

    /** Forgets every secret of a tenant. */
    public Uni<Long> forgetAll(String tenantId) {
        return repository.deleteAll(tenantId);
    }

    private String open(String tenantId, TenantSecret secret) {
        return cipher.open(new SealedSecret(secret.ciphertext, secret.keyId), associatedData(tenantId, secret.name));
    }

    private static TenantSecret newSecret(String tenantId, SecretName name) {
        TenantSecret secret = new TenantSecret();
        secret.tenantId = tenantId;
        secret.name = name;
        return secret;
    }

    private static void fill(TenantSecret secret, SealedSecret sealed, String plaintext) {
        secret.ciphertext = sealed.ciphertext();
        secret.keyId = sealed.keyId();
        secret.last4 = lastFour(plaintext);
        secret.updatedAt = Instant.now();
    }

    private static SecretHint hint(TenantSecret secret) {
        return new SecretHint(secret.last4, secret.updatedAt);
    }

    /** Short secrets show nothing: four characters of a six-character secret would give most of it away. */
    static String lastFour(String plaintext) {
        return plaintext.length() >= 16 ? plaintext.substring(plaintext.length() - 4) : "";
    }

    private static String associatedData(String tenantId, SecretName name) {
        return tenantId + "/" + name.name();
    }
}
