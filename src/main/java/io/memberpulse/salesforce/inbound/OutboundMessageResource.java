package io.memberpulse.salesforce.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The endpoint Salesforce posts Outbound Messages to. It carries no bearer token: the secret in the
 * URL and the message's OrganizationId authenticate it. It answers only in SOAP: the Ack once every
 * notification is stored, else a fault, after which Salesforce keeps the message queued and retries.
 */
@Path("/salesforce/outbound-messages/{tenantId}")
@Tag(name = "Inbound", description = "Changes made in Salesforce")
@SecurityRequirements
public class OutboundMessageResource {

    private final OutboundMessageReceiver receiver;
    private final MeterRegistry metrics;

    OutboundMessageResource(OutboundMessageReceiver receiver, MeterRegistry metrics) {
        this.receiver = receiver;
        this.metrics = metrics;
    }

    @POST
    @PermitAll
    @Operation(summary = "Receive a Salesforce Outbound Message (SOAP 1.1)", description = "Called by Salesforce, "
            + "not by the portal: use the `outboundMessageUrl` of GET /connection as the Outbound Message's "
            + "Endpoint URL. Accepts up to 100 Contact or Lead notifications of the tenant's org; stores them "
            + "(once per notification id) and answers `<Ack>true</Ack>`. Body limit 1 MiB; DTDs are refused.")
    @RequestBody(content = @Content(mediaType = "text/xml"))
    @APIResponse(responseCode = "200", description = "Stored; the SOAP acknowledgement",
            content = @Content(mediaType = "text/xml"))
    @APIResponse(responseCode = "500", description = "SOAP fault naming the problem (wrong org, wrong or missing "
            + "secret, unknown tenant, malformed XML, DTD, too many notifications, too large); nothing stored",
            content = @Content(mediaType = "text/xml"))
    public Uni<Response> receive(@RestPath String tenantId, @RestQuery String secret,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return receiver.receive(tenantId, secret, contentType, body == null ? new byte[0] : body)
                .invoke(received -> count("acknowledged"))
                .map(received -> SoapResponses.ack())
                .onFailure(OutboundMessageRejected.class).recoverWithItem(this::rejected)
                .onFailure(OutboundMessageResource::isDatabaseFailure).recoverWithItem(this::notStored);
    }

    private Response rejected(Throwable failure) {
        count("refused");
        Log.warnf("Outbound Message refused: %s", failure.getMessage());
        return SoapResponses.clientFault(failure.getMessage());
    }

    private Response notStored(Throwable failure) {
        count("not_stored");
        Log.errorf(failure, "Outbound Message could not be stored");
        return SoapResponses.serverFault("The notifications could not be stored; Salesforce will send them again");
    }

    /** Messages by outcome, for alerts on a misconfigured org (many refusals) or a sick database. */
    private void count(String outcome) {
        metrics.counter("memberpulse.inbound.outbound_messages", "outcome", outcome).increment();
    }

    /** What the database clients fail with when PostgreSQL is unreachable or refuses the statement. */
    private static boolean isDatabaseFailure(Throwable failure) {
        return failure instanceof DatabaseException || failure instanceof VertxException
                || failure instanceof java.net.ConnectException || failure instanceof org.hibernate.HibernateException
                || failure instanceof java.util.concurrent.TimeoutException;
    }
}
