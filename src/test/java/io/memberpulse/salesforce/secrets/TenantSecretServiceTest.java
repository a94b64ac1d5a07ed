package io.memberpulse.salesforce.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantSecretServiceTest {

    @Inject
    TenantSecretService secrets;

    @Inject
    SecretCipher cipher;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "memberpulse.encryption.previous-key")
    String previousKey;

    @Test
    @RunOnVertxContext
    void aSecretWrittenUnderThePreviousKeyStillDecryptsAndIsResealedUnderTheCurrentOneOnWrite(UniAsserter asserter)
            throws SQLException {
        String tenant = TestTokens.newTenantId();
        SealedSecret underOldKey = SecretCipherTest.cipher(previousKey, null)
                .seal("refresh-token-from-last-year", tenant + "/REFRESH_TOKEN");
        insert(tenant, underOldKey);
        assertThat(underOldKey.keyId()).isNotEqualTo(cipher.currentKeyId());

        asserter.assertEquals(() -> Panache.withSession(() -> secrets.reveal(tenant, SecretName.REFRESH_TOKEN)),
                Optional.of("refresh-token-from-last-year"));
        asserter.execute(() -> Panache.withTransaction(
                () -> secrets.store(tenant, SecretName.REFRESH_TOKEN, "refresh-token-rotated")));
        asserter.assertThat(() -> Panache.withSession(() -> secrets.reveal(tenant, SecretName.REFRESH_TOKEN)),
                value -> assertThat(value).contains("refresh-token-rotated"));
        asserter.assertThat(() -> Panache.withSession(() -> TenantSecret.<TenantSecret>find("tenantId", tenant)
                .firstResult()), stored -> assertThat(stored.keyId).isEqualTo(cipher.currentKeyId()));
    }

    @Test
    @RunOnVertxContext
    void forgetAllRemovesEverySecretOfOneTenantOnly(UniAsserter asserter) {
        String tenant = TestTokens.newTenantId();
        String other = TestTokens.newTenantId();
        asserter.execute(() -> Panache.withTransaction(() -> secrets.store(tenant, SecretName.CONSUMER_SECRET, "a")
                .chain(() -> secrets.store(tenant, SecretName.REFRESH_TOKEN, "b"))
                .chain(() -> secrets.store(other, SecretName.REFRESH_TOKEN, "c"))));
        asserter.assertEquals(() -> Panache.withTransaction(() -> secrets.forgetAll(tenant)), 2L);
        asserter.assertThat(() -> Panache.withSession(() -> secrets.hints(tenant)),
                hints -> assertThat(hints).isEmpty());
        asserter.assertEquals(() -> Panache.withSession(() -> secrets.reveal(other, SecretName.REFRESH_TOKEN)),
                Optional.of("c"));
    }

    private void insert(String tenant, SealedSecret sealed) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into tenant_secret (tenant_id, name, ciphertext, key_id, last4, updated_at) "
                        + "values (?, 'REFRESH_TOKEN', ?, ?, '', ?)")) {
            insert.setString(1, tenant);
            insert.setBytes(2, sealed.ciphertext());
            insert.setString(3, sealed.keyId());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
