package io.memberpulse.salesforce.web;

import io.memberpulse.salesforce.config.Replaced;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answer of a PUT that stores a whole document at its own URL: 201 with a Location on the first
 * store (the request URL, which is where the document now lives), 200 on every later one.
 */
public final class PutResponses {

    private PutResponses() {
    }

    public static <V> RestResponse<V> createdOrOk(Replaced<V> replaced, UriInfo uri) {
        if (replaced.created()) {
            return RestResponse.ResponseBuilder.<V>created(uri.getAbsolutePath())
                    .entity(replaced.view())
                    .build();
        }
        return RestResponse.ok(replaced.view());
    }
}
