package io.memberpulse.salesforce.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every error this service returns.
 *
 * @param type      a URI naming the kind of problem
 * @param title     a short summary of the kind of problem
 * @param status    the HTTP status
 * @param detail    what went wrong with this request, in a sentence a person can act on
 * @param instance  the request path
 * @param requestId the request id, also in the {@code X-Request-Id} header and in the logs
 * @param errors    one entry per bad field, for validation problems
 */
// Native image: problems are written from @ServerExceptionMapper methods and security failure paths,
// not only from resource signatures that Quarkus registers; register it (and FieldError) explicitly.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    /** Media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request. {@code field} is a JSON path such as {@code events[3].email}. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
