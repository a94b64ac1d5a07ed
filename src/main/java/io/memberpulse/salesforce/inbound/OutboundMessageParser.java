package io.memberpulse.salesforce.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads Salesforce's SOAP 1.1 {@code notifications} envelope (reference §6, sample 15a) by
 * namespace, so any prefixes work, from a document {@link HardenedXml} parsed. Every refusal is an
 * {@link OutboundMessageRejected}.
 */
final class OutboundMessageParser {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    static final String SOBJECT_NS = "urn:sobject.enterprise.soap.sforce.com";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    /** The WSDL's {@code maxOccurs} for {@code Notification}. */
    static final int MAX_NOTIFICATIONS = 100;
    /** Synced sObject types and the key prefix of their record ids. */
    private static final Map<String, String> KEY_PREFIXES = Map.of("Contact", "003", "Lead", "00Q");
    private static final Pattern SALESFORCE_ID = Pattern.compile("[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?");

    private OutboundMessageParser() {
    }

    static OutboundMessage parse(byte[] body) {
        Element notifications = notificationsOf(HardenedXml.read(body));
        String orgId = idText(required(notifications, OUTBOUND_NS, "OrganizationId"), "OrganizationId");
        Element action = first(notifications, OUTBOUND_NS, "ActionId");
        String actionId = action == null ? null : idText(action, "ActionId");
        List<Element> elements = children(notifications, OUTBOUND_NS, "Notification");
        if (elements.isEmpty()) {
            throw new OutboundMessageRejected("The message holds no Notification");
        }
        if (elements.size() > MAX_NOTIFICATIONS) {
            throw new OutboundMessageRejected("A message carries at most " + MAX_NOTIFICATIONS
                    + " notifications; this one has " + elements.size());
        }
        Map<String, OutboundMessage.Notification> byId = new LinkedHashMap<>();
        for (Element element : elements) {
            OutboundMessage.Notification notification = notification(element);
            byId.putIfAbsent(notification.id(), notification);
        }
        return new OutboundMessage(orgId, actionId, List.copyOf(byId.values()));
    }

    private static Element notificationsOf(Document document) {
        Element envelope = document.getDocumentElement();
        if (!is(envelope, SOAP_NS, "Envelope")) {
            throw new OutboundMessageRejected("Not a SOAP 1.1 envelope: the root element is "
                    + describe(envelope));
        }
        Element body = required(envelope, SOAP_NS, "Body");
        Element notifications = first(body, OUTBOUND_NS, "notifications");
        if (notifications == null) {
            throw new OutboundMessageRejected("The SOAP body holds no notifications element of namespace "
                    + OUTBOUND_NS);
        }
        return notifications;
    }

    private static OutboundMessage.Notification notification(Element element) {
        String id = idText(required(element, OUTBOUND_NS, "Id"), "Notification Id");
        Element sObject = required(element, OUTBOUND_NS, "sObject");
        String type = objectType(sObject);
        String recordId = idText(required(sObject, SOBJECT_NS, "Id"), type + " Id");
        if (!recordId.startsWith(KEY_PREFIXES.get(type))) {
            throw new OutboundMessageRejected("Notification " + id + ": " + recordId + " is not a " + type + " id");
        }
        return new OutboundMessage.Notification(id, type, recordId);
    }

    /** {@code xsi:type="sf:Contact"}: the prefix, whatever it is, must name the enterprise sObject namespace. */
    private static String objectType(Element sObject) {
        String declared = sObject.getAttributeNS(XSI_NS, "type").trim();
        int colon = declared.indexOf(':');
        String local = colon < 0 ? declared : declared.substring(colon + 1);
        String namespace = sObject.lookupNamespaceURI(colon < 0 ? null : declared.substring(0, colon));
        if (!KEY_PREFIXES.containsKey(local) || (colon >= 0 && !SOBJECT_NS.equals(namespace))) {
            throw new OutboundMessageRejected("sObject type '" + clip(declared)
                    + "' is not synced; Outbound Messages must be on Contact or Lead");
        }
        return local;
    }

    private static String idText(Element element, String what) {
        String text = element.getTextContent().trim();
        if (!SALESFORCE_ID.matcher(text).matches()) {
            throw new OutboundMessageRejected(what + " is not a 15 or 18 character Salesforce id");
        }
        return text;
    }

    private static Element required(Element parent, String namespace, String name) {
        Element child = first(parent, namespace, name);
        if (child == null) {
            throw new OutboundMessageRejected(describe(parent) + " lacks the element " + name);
        }
        return child;
    }

    private static Element first(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && is((Element) node, namespace, name)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static boolean is(Element element, String namespace, String name) {
        return name.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
    }

    private static String describe(Element element) {
        String namespace = element.getNamespaceURI();
        return clip((namespace == null ? "" : "{" + namespace + "}") + element.getLocalName());
    }

    /** Names echoed in a fault stay short. */
    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
