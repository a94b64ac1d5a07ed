package io.memberpulse.salesforce.support;

import io.memberpulse.salesforce.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Mints RS256 tokens with the test key pair (src/test/resources/jwt-test-*.pem). */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin(String tenantId) {
        return token(tenantId, Roles.ADMIN);
    }

    public static String viewer(String tenantId) {
        return token(tenantId, Roles.VIEWER);
    }

    public static String service(String tenantId) {
        return token(tenantId, Roles.SERVICE);
    }

    /** A MemberPulse staff token: its own tenant claim is irrelevant. */
    public static String platformAdmin() {
        return token("memberpulse", Roles.PLATFORM_ADMIN);
    }

    public static String token(String tenantId, String role) {
        return claims(tenantId, role).sign();
    }

    public static String expired(String tenantId) {
        return claims(tenantId, Roles.ADMIN)
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(600))
                .sign();
    }

    public static String fromIssuer(String tenantId, String issuer) {
        return claims(tenantId, Roles.ADMIN).issuer(issuer).sign();
    }

    /** Right claims, signed by a key the service does not trust. */
    public static String signedByStranger(String tenantId) {
        return claims(tenantId, Roles.ADMIN).sign(strangerKey().getPrivate());
    }

    /** A new tenant id per test keeps tests independent on the shared database. */
    public static String newTenantId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private static JwtClaimsBuilder claims(String tenantId, String role) {
        return Jwt.issuer("https://test.memberpulse.local")
                .upn("alice@" + tenantId + ".example")
                .groups(Set.of(role))
                .claim("tenant_id", tenantId)
                .expiresIn(300);
    }

    private static KeyPair strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
