package io.memberpulse.salesforce.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint accepts, in bytes. Larger bodies are refused with a 413
 * problem before they are parsed. {@code quarkus.http.limits.max-body-size} is the global ceiling.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface BodyLimit {

    /** Settings documents are small: 16 KiB. */
    int SETTINGS = 16 * 1024;

    int value();
}
