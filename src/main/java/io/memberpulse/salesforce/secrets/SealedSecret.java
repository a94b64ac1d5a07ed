package io.memberpulse.salesforce.secrets;

/**
 * An encrypted secret as stored: {@code ciphertext} is the 12-byte GCM nonce followed by the
 * ciphertext and its tag; {@code keyId} names the key that sealed it.
 */
public record SealedSecret(byte[] ciphertext, String keyId) {
}
