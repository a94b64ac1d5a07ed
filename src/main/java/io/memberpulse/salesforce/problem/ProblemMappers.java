package io.memberpulse.salesforce.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json}. Each mapper names the
 * failures it understands; there is deliberately no catch-all, so a bug stays visible as a 500.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.type(), e.type().status(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        ProblemException problem = ProblemException.invalidFields(errors);
        return ProblemResponses.of(ProblemType.VALIDATION, 400, problem.getMessage(), errors, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return fieldProblem(field, "unknown property; allowed: " + e.getKnownPropertyIds(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFormat(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message = target != null && target.isEnum()
                ? "must be one of " + Arrays.toString(target.getEnumConstants())
                : "must be a " + (target == null ? "value of the documented type" : simpleType(target));
        return fieldProblem(jsonPath(e), message, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message = "has the wrong type" + (target == null ? "" : "; expected " + simpleType(target));
        return fieldProblem(jsonPath(e), message, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ProblemResponses.of(ProblemType.MALFORMED_JSON, "Request body is not valid JSON" + where, uri);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public RestResponse<Problem> unauthenticated(RuntimeException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNAUTHENTICATED,
                "A valid bearer token is required (missing, expired, wrongly signed or from another issuer)", uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException) {
            // Quarkus REST wraps body-parsing failures; answer them as if Jackson had thrown.
            return json((JsonProcessingException) e.getCause(), uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND : ProblemType.HTTP;
        return ProblemResponses.of(type, status, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> staleWrite(StaleStateException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT,
                "The resource was changed by another request at the same time; read it again and retry", uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> database(HibernateException e, UriInfo uri) {
        Log.errorf(e, "Database failure");
        return ProblemResponses.of(ProblemType.INTERNAL, 503, "The database is not available; retry later",
                List.of(), uri);
    }

    private RestResponse<Problem> json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException) {
            return unknownProperty((UnrecognizedPropertyException) e, uri);
        }
        if (e instanceof InvalidFormatException) {
            return invalidFormat((InvalidFormatException) e, uri);
        }
        if (e instanceof MismatchedInputException) {
            return mismatchedInput((MismatchedInputException) e, uri);
        }
        return malformedJson(e, uri);
    }

    private static RestResponse<Problem> fieldProblem(String field, String message, UriInfo uri) {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
        return ProblemResponses.of(ProblemType.VALIDATION, 400, field + ": " + message, errors, uri);
    }

    /** {@code events[3].email} from Jackson's reference chain. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** {@code put.request.consumerKey} -> {@code consumerKey}: drop the method and parameter nodes. */
    static String fieldName(ConstraintViolation<?> violation) {
        String[] nodes = violation.getPropertyPath().toString().split("\\.", 3);
        return nodes.length == 3 ? nodes[2] : nodes[nodes.length - 1];
    }

    private static String simpleType(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        return type.isArray() || Iterable.class.isAssignableFrom(type) ? "array" : "object";
    }
}
