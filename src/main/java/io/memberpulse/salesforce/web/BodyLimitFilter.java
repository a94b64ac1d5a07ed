package io.memberpulse.salesforce.web;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link BodyLimit} on the declared length, and on the actual bytes of chunked bodies
 * (which Quarkus has already buffered, up to the global ceiling, when {@code readBody} is set).
 */
public class BodyLimitFilter {

    @ServerRequestFilter(readBody = true)
    public void enforceBodyLimit(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        BodyLimit limit = limitOf(resource);
        if (limit == null || !request.hasEntity()) {
            return;
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseLength(declared) > limit.value()) {
            throw tooLarge(limit);
        }
        byte[] bytes = request.getEntityStream().readNBytes(limit.value() + 1);
        if (bytes.length > limit.value()) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private static BodyLimit limitOf(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        BodyLimit onMethod = resource.getResourceMethod().getAnnotation(BodyLimit.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(BodyLimit.class);
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.HTTP, "Content-Length is not a number");
        }
    }

    private static ProblemException tooLarge(BodyLimit limit) {
        return new ProblemException(ProblemType.BODY_TOO_LARGE,
                "Request body is larger than this endpoint accepts (" + limit.value() + " bytes)");
    }
}
