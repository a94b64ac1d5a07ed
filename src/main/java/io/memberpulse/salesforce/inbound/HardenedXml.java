package io.memberpulse.salesforce.inbound;

import java.io.ByteArrayInputStream;
import io.vertx.core.Context;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML safely. A DOCTYPE is refused outright, which stops XXE, external DTDs and
 * billion laughs before any entity is declared; besides, external entities and DTD loading are off,
 * no entity resolver answers, XInclude is off and secure processing (entity expansion limits) is on.
 * Failures become {@link OutboundMessageRejected} whose text never quotes the document, and the
 * parser prints nothing (its default handler writes {@code [Fatal Error]} lines to stderr).
 *
 * <p>Parsing up to a mebibyte into a DOM blocks: it refuses to run on a Vert.x event loop, so a
 * caller that forgot to move it to a worker thread fails loudly instead of stalling every request
 * of that loop.
 */
final class HardenedXml {

    private HardenedXml() {
    }

    static Document read(byte[] body) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("XML parsing blocks: run it on a worker thread, not on the event loop");
        }
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(RETHROW);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (SAXParseException e) {
            throw notWellFormed(e);
        } catch (SAXException | IOException e) {
            throw new OutboundMessageRejected("The body is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    private static OutboundMessageRejected notWellFormed(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return new OutboundMessageRejected("DTDs are not allowed: the body has a DOCTYPE declaration");
        }
        if (message.contains("was referenced, but not declared")) {
            return new OutboundMessageRejected("Entity declarations and references are not allowed");
        }
        return new OutboundMessageRejected("The body is not well-formed XML (line " + e.getLineNumber()
                + ", column " + e.getColumnNumber() + ")");
    }

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make the message unacceptable.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /** The JDK's own parser (not whatever the classpath offers), so every feature below is understood. */
    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }
}
