package io.memberpulse.salesforce.synclog;

/** The final outcome of one Salesforce write, as the sync log records it. */
public enum SyncOutcome {
    /** Written to Salesforce. */
    SUCCESS,
    /** Refused by Salesforce for good: see the error code and the hint, then retry. */
    FAILED,
    /** Nothing to write: Salesforce already holds these values from us. */
    SKIPPED
}
