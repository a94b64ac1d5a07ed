package io.memberpulse.salesforce.mapping;

import java.time.Instant;

/** A tenant's mapping as stored, with who changed it last and when. */
public record StoredMapping(ContactMapping mapping, Instant updatedAt, String updatedBy) {
}
