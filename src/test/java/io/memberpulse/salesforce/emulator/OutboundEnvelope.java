package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SOAP 1.1 {@code notifications} envelope Salesforce posts for Outbound Messages (sample 15a). */
final class OutboundEnvelope {

    private OutboundEnvelope() {
    }

    static String build(String orgId, String actionId, String sessionId, String baseUrl, String apiVersion,
            String objectType, List<String> notificationIds, List<Map<String, Object>> records) {
        String org15 = orgId.substring(0, 15);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n")
                .append(" <soapenv:Body>\n")
                .append("  <notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">\n")
                .append("   <OrganizationId>").append(orgId).append("</OrganizationId>\n")
                .append("   <ActionId>").append(actionId).append("</ActionId>\n")
                .append(sessionId == null ? "   <SessionId xsi:nil=\"true\"/>\n"
                        : "   <SessionId>" + escape(sessionId) + "</SessionId>\n")
                .append("   <EnterpriseUrl>").append(baseUrl).append("/services/Soap/c/").append(apiVersion)
                .append('/').append(org15).append("</EnterpriseUrl>\n")
                .append("   <PartnerUrl>").append(baseUrl).append("/services/Soap/u/").append(apiVersion)
                .append('/').append(org15).append("</PartnerUrl>\n");
        for (int i = 0; i < records.size(); i++) {
            notification(xml, notificationIds.get(i), objectType, records.get(i));
        }
        return xml.append("  </notifications>\n").append(" </soapenv:Body>\n").append("</soapenv:Envelope>\n")
                .toString();
    }

    private static void notification(StringBuilder xml, String id, String objectType, Map<String, Object> record) {
        xml.append("   <Notification>\n")
                .append("    <Id>").append(id).append("</Id>\n")
                .append("    <sObject xsi:type=\"sf:").append(objectType)
                .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n")
                .append("     <sf:Id>").append(escape(String.valueOf(record.get("Id")))).append("</sf:Id>\n");
        Map<String, Object> sorted = new TreeMap<>(record);
        sorted.remove("Id");
        sorted.remove("attributes");
        sorted.forEach((field, value) -> {
            if (value != null) {
                xml.append("     <sf:").append(field).append('>').append(escape(text(value))).append("</sf:")
                        .append(field).append(">\n");
            }
        });
        xml.append("    </sObject>\n").append("   </Notification>\n");
    }

    /** Values as text; REST datetimes become {@code ...000Z}. */
    private static String text(Object value) {
        String s = value.toString();
        if (s.matches("\\d{4}-\\d\\d-\\d\\dT.*\\+0000")) {
            return EmulatorClock.event(EmulatorClock.parse(s));
        }
        return s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
