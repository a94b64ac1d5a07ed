package io.memberpulse.salesforce.inbound;

/**
 * An Outbound Message the endpoint refuses. The message is the SOAP {@code faultstring}: it names
 * the problem for the Salesforce admin reading the outbound message queue, and never holds a secret
 * or a value taken from the request beyond short identifiers.
 */
public class OutboundMessageRejected extends RuntimeException {

    OutboundMessageRejected(String faultString) {
        super(faultString, null, false, false);
    }
}
