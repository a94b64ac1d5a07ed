package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * MemberPulse core's webhook for inbound changes. Its URL is the client's base URL, taken from
 * {@code memberpulse.webhook.url} by application.properties: parsed once when the client is built,
 * not on every call as an {@code @Url} parameter would be (three web targets and a URI per delivery).
 */
@RegisterRestClient(configKey = "memberpulse-webhook")
interface WebhookApi {

    String SIGNATURE = "X-MemberPulse-Signature";

    /** Sends the exact bytes that were signed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> deliver(@HeaderParam(SIGNATURE) String signature,
            @HeaderParam("X-MemberPulse-Delivery") String deliveryId, byte[] body);
}
