package io.memberpulse.salesforce.wakeup;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the bearer token of internal calls. Both sides are hashed first so the comparison takes
 * the same time whatever the given token's length and content. The token is never logged or echoed.
 */
@ApplicationScoped
class InternalToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> expected;

    InternalToken(InternalConfig config) {
        this.expected = config.token().filter(token -> !token.isBlank()).map(InternalToken::sha256);
    }

    /** 404 when internal calls are disabled, 401 when the header does not carry the token. */
    void require(String authorization) {
        if (expected.isEmpty()) {
            throw ProblemException.notFound("Internal endpoints are disabled: MEMBERPULSE_INTERNAL_TOKEN is not set");
        }
        String given = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : "";
        if (!MessageDigest.isEqual(expected.get(), sha256(given))) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "Send the internal token as Authorization: Bearer <MEMBERPULSE_INTERNAL_TOKEN>");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
