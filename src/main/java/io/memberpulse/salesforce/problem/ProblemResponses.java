package io.memberpulse.salesforce.problem;

import io.memberpulse.salesforce.web.RequestIds;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static RestResponse<Problem> of(ProblemType type, String detail, UriInfo uri) {
        return of(type, type.status(), detail, List.of(), uri);
    }

    public static RestResponse<Problem> of(ProblemType type, int status, String detail,
            List<Problem.FieldError> errors, UriInfo uri) {
        Problem problem = new Problem(type.uri(), type.title(), status, detail,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), RequestIds.current(), errors);
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(status).entity(problem)
                .type(Problem.MEDIA_TYPE);
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }
}
