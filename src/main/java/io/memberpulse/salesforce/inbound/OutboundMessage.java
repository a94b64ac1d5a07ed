package io.memberpulse.salesforce.inbound;

import java.util.List;

/**
 * What the endpoint keeps of a Salesforce Outbound Message: the org that sent it, the workflow
 * action, and one cue per notification. The record values in the message are deliberately not kept
 * (the worker reads current ones), nor is the {@code SessionId} (a live Salesforce session).
 */
record OutboundMessage(String organizationId, String actionId, List<Notification> notifications) {

    /** One {@code <Notification>}: its id ({@code 04l...}) and the record it names. */
    record Notification(String id, String objectType, String recordId) {
    }
}
