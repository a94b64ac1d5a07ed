package io.memberpulse.salesforce.tenant;

/** Whether the service can reach a tenant's org. */
public enum ConnectionState {
    /** Settings saved, no session obtained yet. */
    NOT_CONNECTED,
    /** A session was obtained with the current settings. */
    CONNECTED,
    /** Salesforce rejected the credentials or the refresh token: an admin must reconnect. */
    RECONNECT_NEEDED
}
