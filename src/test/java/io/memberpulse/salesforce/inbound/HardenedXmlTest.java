package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The parser refuses every DTD, entity and inclusion trick, and its refusals quote nothing. */
class HardenedXmlTest {

    @Test
    void plainNamespacedXmlParses() {
        Document document = read("<a:x xmlns:a=\"urn:a\"><a:y>&lt;br&gt;</a:y></a:x>");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
        assertThat(document.getDocumentElement().getTextContent()).isEqualTo("<br>");
    }

    @Test
    void doctypesEntitiesAndIncludesAreRefused() {
        assertRefused("<!DOCTYPE x [<!ENTITY e \"v\">]><x>&e;</x>", "DTDs are not allowed");
        assertRefused("<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/x.dtd\"><x/>", "DTDs are not allowed");
        assertRefused("<x>&undeclared;</x>", "Entity declarations and references are not allowed");
        assertRefused("<x><y></x>", "The body is not well-formed XML (line 1");
        assertRefused("", "The body is not well-formed XML");
        Document included = read("<x xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/hostname\" parse=\"text\"/></x>");
        assertThat(included.getDocumentElement().getTextContent()).as("XInclude is not processed").isEmpty();
    }

    @Test
    void parsingRefusesToBlockAnEventLoop() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
            vertx.runOnContext(ignored -> failure.complete(org.assertj.core.api.Assertions.catchThrowable(
                    () -> read("<x/>"))));
            assertThat(failure.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("worker thread");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static Document read(String xml) {
        return HardenedXml.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String xml, String fault) {
        assertThatThrownBy(() -> read(xml)).isInstanceOf(OutboundMessageRejected.class).hasMessageStartingWith(fault);
    }
}
