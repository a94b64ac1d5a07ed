package io.memberpulse.salesforce.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code sha256=<lowercase hex HMAC-SHA256 of the exact body bytes>}, the webhook's signature header. */
public final class WebhookSignature {

    // One keyed Mac per thread (the event loops sign): looking up the provider and keying a Mac cost
    // more than signing a delivery's body. doFinal leaves the Mac keyed and ready for the next body.
    private static final ThreadLocal<Keyed> MACS = new ThreadLocal<>();

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        Keyed keyed = MACS.get();
        if (keyed == null || !keyed.secret.equals(secret)) {
            keyed = new Keyed(secret, newMac(secret));
            MACS.set(keyed);
        }
        return "sha256=" + HexFormat.of().formatHex(keyed.mac.doFinal(body));
    }

    private static Mac newMac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A class, not a record: a record's toString would print the secret. */
    private static final class Keyed {

        final String secret;
        final Mac mac;

        Keyed(String secret, Mac mac) {
            this.secret = secret;
            this.mac = mac;
        }
    }
}
