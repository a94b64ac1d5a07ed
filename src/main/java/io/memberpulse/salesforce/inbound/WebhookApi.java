package io.memberpulse.salesforce.inbound;

import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** MemberPulse core's webhook for inbound changes; the URL is configuration, given per call. */
@RegisterRestClient(configKey = "memberpulse-webhook")
interface WebhookApi {

    String SIGNATURE = "X-MemberPulse-Signature";

    /** Sends the exact bytes that were signed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> deliver(@Url String url, @HeaderParam(SIGNATURE) String signature,
            @HeaderParam("X-MemberPulse-Delivery") String deliveryId, byte[] body);
}
