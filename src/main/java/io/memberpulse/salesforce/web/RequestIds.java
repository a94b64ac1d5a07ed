package io.memberpulse.salesforce.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id carried by every log line ({@code %X{requestId}}) and every problem document.
 * Quarkus keeps the MDC on the request's Vert.x context, so it follows the request across threads.
 */
public final class RequestIds {

    /** Log MDC key and problem member name. */
    public static final String MDC_KEY = "requestId";
    /** Header a caller may send to correlate, and that every response carries. */
    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id when it is a safe token (nothing that could forge a log line), else a new one. */
    static String accept(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
