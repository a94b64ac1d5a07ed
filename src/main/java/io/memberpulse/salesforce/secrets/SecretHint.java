package io.memberpulse.salesforce.secrets;

import java.time.Instant;

/** What may be said about a stored secret: that it exists, its last four characters, when it changed. */
public record SecretHint(String last4, Instant updatedAt) {
}
