package io.memberpulse.salesforce.problem;

import jakarta.ws.rs.core.Response.Status;

/** The kinds of problem this service reports, each with its HTTP status and stable type URI. */
public enum ProblemType {
    VALIDATION(Status.BAD_REQUEST, "validation", "Request is not valid"),
    MALFORMED_JSON(Status.BAD_REQUEST, "malformed-json", "Request body is not valid JSON"),
    BODY_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Request body is too large"),
    UNAUTHENTICATED(Status.UNAUTHORIZED, "unauthenticated", "Authentication required"),
    FORBIDDEN(Status.FORBIDDEN, "forbidden", "Not allowed"),
    NOT_FOUND(Status.NOT_FOUND, "not-found", "Not found"),
    CONFLICT(Status.CONFLICT, "conflict", "Conflict"),
    HTTP(Status.BAD_REQUEST, "http", "HTTP error"),
    NOT_CONNECTED(Status.CONFLICT, "not-connected", "Tenant is not connected to Salesforce"),
    SALESFORCE_REJECTED(422, "salesforce-rejected", "Salesforce rejected the request"),
    SALESFORCE_UNAVAILABLE(Status.BAD_GATEWAY, "salesforce-unavailable", "Salesforce could not be reached"),
    INTERNAL(Status.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private static final String BASE = "https://memberpulse.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(Status status, String slug, String title) {
        this(status.getStatusCode(), slug, title);
    }

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }
}
