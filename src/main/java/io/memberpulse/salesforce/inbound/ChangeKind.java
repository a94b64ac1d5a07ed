package io.memberpulse.salesforce.inbound;

/** What happened to a Salesforce record, as Change Data Capture names it ({@code changeType}). */
public enum ChangeKind {
    CREATE,
    UPDATE,
    DELETE,
    UNDELETE
}
