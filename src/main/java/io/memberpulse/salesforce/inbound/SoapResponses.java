package io.memberpulse.salesforce.inbound;

import jakarta.ws.rs.core.Response;

/**
 * The two answers Salesforce understands (reference §6.2, samples 15b and 15c): the positive
 * acknowledgement, which covers every notification of the message, and a SOAP fault, which leaves
 * the message queued in Salesforce for a retry.
 */
final class SoapResponses {

    static final String MEDIA_TYPE = "text/xml; charset=utf-8";

    static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + " <soapenv:Body>\n"
            + "  <notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\">\n"
            + "   <Ack>true</Ack>\n"
            + "  </notificationsResponse>\n"
            + " </soapenv:Body>\n"
            + "</soapenv:Envelope>\n";

    private SoapResponses() {
    }

    /** HTTP 200 with {@code <Ack>true</Ack>}. */
    static Response ack() {
        return Response.ok(ACK, MEDIA_TYPE).build();
    }

    /** The sender's message is wrong: retrying it unchanged will not help until someone fixes it. */
    static Response clientFault(String faultString) {
        return fault("soapenv:Client", faultString);
    }

    /** The endpoint could not take the message now (database down); Salesforce's retry will. */
    static Response serverFault(String faultString) {
        return fault("soapenv:Server", faultString);
    }

    private static Response fault(String faultCode, String faultString) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + " <soapenv:Body>\n"
                + "  <soapenv:Fault>\n"
                + "   <faultcode>" + faultCode + "</faultcode>\n"
                + "   <faultstring>" + escape(faultString) + "</faultstring>\n"
                + "   <detail />\n"
                + "  </soapenv:Fault>\n"
                + " </soapenv:Body>\n"
                + "</soapenv:Envelope>\n";
        return Response.serverError().type(MEDIA_TYPE).entity(body).build();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
