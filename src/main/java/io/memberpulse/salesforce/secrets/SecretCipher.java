package io.memberpulse.salesforce.secrets;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of tenant secrets. The associated data binds each ciphertext to its tenant and
 * secret name, so a value copied to another row does not decrypt. Built at start-up so that a
 * missing or malformed key stops the service before it serves anything.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey currentKey;
    private final String currentKeyId;
    private final Map<String, SecretKey> keysById = new LinkedHashMap<>();

    SecretCipher(EncryptionConfig config) {
        currentKey = decodeKey(config.key(), "memberpulse.encryption.key");
        currentKeyId = keyId(currentKey);
        keysById.put(currentKeyId, currentKey);
        config.previousKey()
                .map(encoded -> decodeKey(encoded, "memberpulse.encryption.previous-key"))
                .ifPresent(previous -> keysById.putIfAbsent(keyId(previous), previous));
    }

    /** Seals a secret for one tenant and purpose under the current key. */
    public SealedSecret seal(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, currentKey, nonce, associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return new SealedSecret(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array(),
                currentKeyId);
    }

    /** Opens a sealed secret with the key it names; fails if that key is no longer configured. */
    public String open(SealedSecret secret, String associatedData) {
        SecretKey key = keysById.get(secret.keyId());
        if (key == null) {
            throw new IllegalStateException("No configured encryption key has id " + secret.keyId()
                    + "; configure it as memberpulse.encryption.previous-key to read this secret");
        }
        ByteBuffer buffer = ByteBuffer.wrap(secret.ciphertext());
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, associatedData, body), StandardCharsets.UTF_8);
    }

    /** The id of the key new secrets are sealed with. */
    public String currentKeyId() {
        return currentKeyId;
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // The cause names no key material; the message says what to check.
            throw new IllegalStateException("Secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + " (wrong key or tampered value)", e);
        }
    }

    private static SecretKey decodeKey(String encoded, String property) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(property + " must be base64 of exactly 32 bytes, got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** A short, stable, non-reversible name for a key: the first 8 bytes of its SHA-256, in hex. */
    static String keyId(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "k" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
