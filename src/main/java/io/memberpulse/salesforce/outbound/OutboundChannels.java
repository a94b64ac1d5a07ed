package io.memberpulse.salesforce.outbound;

/** PostgreSQL NOTIFY channels that wake the pipeline; the payload is the tenant id. */
public final class OutboundChannels {

    /** New member events were stored (sent by the intake). */
    public static final String MEMBER_EVENTS = "memberpulse_member_events";
    /** New or re-queued outbox work (sent by the planner, retries and settings changes). */
    public static final String OUTBOX = "memberpulse_outbox";

    private OutboundChannels() {
    }
}
