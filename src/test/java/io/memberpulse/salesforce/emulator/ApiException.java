package io.memberpulse.salesforce.emulator;

import java.util.List;

/** A request-level REST failure: HTTP status plus the error array Salesforce returns. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final transient List<ApiError> errors;

    public ApiException(int status, List<ApiError> errors) {
        super(errors.isEmpty() ? "status " + status : errors.get(0).code() + ": " + errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, String code, String message, String... fields) {
        this(status, List.of(ApiError.of(code, message, fields)));
    }

    public static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static ApiException badRequest(String code, String message, String... fields) {
        return new ApiException(400, code, message, fields);
    }

    public int status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }
}
