package io.memberpulse.salesforce.inbound;

/** How the service learned of a Salesforce change; kept in the sync log and the delivery. */
public enum ChangeSource {
    /** A Change Data Capture event received over CometD. */
    CDC,
    /** A platform event on a channel the tenant configured. */
    PLATFORM_EVENT,
    /** A Salesforce Outbound Message notification (a cue: the values are read back from the org). */
    OUTBOUND_MESSAGE,
    /** A SOQL catch-up after a rejected replay id, a gap or an overflow. */
    CATCH_UP,
    /** The scheduled comparison of what changed in the org with what was applied. */
    RECONCILIATION
}
