package io.memberpulse.salesforce.inbound;

/** A stored notification the worker has claimed; {@code attempts} counts this one. */
record ClaimedNotification(long id, String tenantId, String notificationId, String objectType, String recordId,
        int attempts) {
}
