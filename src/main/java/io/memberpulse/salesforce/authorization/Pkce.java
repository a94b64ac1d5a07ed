package io.memberpulse.salesforce.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random values of the flow: state, PKCE verifier and its S256 challenge (RFC 7636). */
final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** 256 random bits, URL-safe. */
    static String newState() {
        return random(32);
    }

    /** 64 random bytes: an 86-character verifier, within RFC 7636's 43..128. */
    static String newVerifier() {
        return random(64);
    }

    static String challenge(String verifier) {
        return URL.encodeToString(sha256(verifier));
    }

    static String hash(String state) {
        return HexFormat.of().formatHex(sha256(state));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL.encodeToString(value);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
