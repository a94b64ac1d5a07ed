package io.memberpulse.salesforce.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Keys that seal tenant secrets at rest (AES-256-GCM). */
@ConfigMapping(prefix = "memberpulse.encryption")
public interface EncryptionConfig {

    /**
     * Base64 of the 32-byte key that encrypts every new secret ({@code MEMBERPULSE_ENCRYPTION_KEY}).
     * Required: without it the service does not start. Dev and test profiles set a fixed, non-secret key.
     */
    String key();

    /**
     * Base64 of a previous 32-byte key ({@code MEMBERPULSE_ENCRYPTION_PREVIOUS_KEY}), still accepted
     * for decryption while secrets written under it are rotated to the current key.
     */
    Optional<String> previousKey();
}
