package io.memberpulse.salesforce.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String OLD_KEY = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes(StandardCharsets.UTF_8));
    static final String NEW_KEY = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes(StandardCharsets.UTF_8));

    static SecretCipher cipher(String key, String previous) {
        return new SecretCipher(new EncryptionConfig() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Optional<String> previousKey() {
                return Optional.ofNullable(previous);
            }
        });
    }

    @Test
    void sealsWithARandomNonceAndOpensAgain() {
        SecretCipher cipher = cipher(NEW_KEY, null);
        SealedSecret first = cipher.seal("s3cr3t-value", "t1/CONSUMER_SECRET");
        SealedSecret second = cipher.seal("s3cr3t-value", "t1/CONSUMER_SECRET");

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(cipher.open(first, "t1/CONSUMER_SECRET")).isEqualTo("s3cr3t-value");
        assertThat(first.keyId()).isEqualTo(cipher.currentKeyId()).startsWith("k").hasSize(17);
    }

    @Test
    void aValueSealedUnderThePreviousKeyStillOpensAfterRotation() {
        SealedSecret underOldKey = cipher(OLD_KEY, null).seal("rotate-me", "t1/REFRESH_TOKEN");

        SecretCipher rotated = cipher(NEW_KEY, OLD_KEY);

        assertThat(rotated.currentKeyId()).isNotEqualTo(underOldKey.keyId());
        assertThat(rotated.open(underOldKey, "t1/REFRESH_TOKEN")).isEqualTo("rotate-me");
        assertThat(rotated.seal("fresh", "t1/REFRESH_TOKEN").keyId()).isEqualTo(rotated.currentKeyId());
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredIsRefusedByName() {
        SealedSecret underOldKey = cipher(OLD_KEY, null).seal("gone", "t1/CONSUMER_SECRET");

        assertThatThrownBy(() -> cipher(NEW_KEY, null).open(underOldKey, "t1/CONSUMER_SECRET"))
                .hasMessageContaining(underOldKey.keyId())
                .hasMessageContaining("previous-key");
    }

    @Test
    void aCiphertextMovedToAnotherTenantOrTamperedWithDoesNotOpen() {
        SecretCipher cipher = cipher(NEW_KEY, null);
        SealedSecret sealed = cipher.seal("bound", "t1/CONSUMER_SECRET");

        assertThatThrownBy(() -> cipher.open(sealed, "t2/CONSUMER_SECRET")).isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new SealedSecret(tampered, sealed.keyId()), "t1/CONSUMER_SECRET"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesKeysThatAreNot32BytesOfBase64WithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> cipher(shortKey, null))
                .hasMessage("memberpulse.encryption.key must be base64 of exactly 32 bytes, got 16");
        assertThatThrownBy(() -> cipher("not base64 at all!", null))
                .hasMessage("memberpulse.encryption.key is not valid base64");
    }

    @Test
    void hintsShowNothingOfShortSecrets() {
        assertThat(TenantSecretService.lastFour("short-secret")).isEmpty();
        assertThat(TenantSecretService.lastFour("0123456789abcdefWXYZ")).isEqualTo("WXYZ");
    }
}
