package io.memberpulse.salesforce.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * For {@code @QuarkusIntegrationTest}: the packaged app runs in the prod profile, so everything it
 * needs comes from here (passed to the launched jar): a fresh database of its own, the test JWT key,
 * an encryption key and the internal token.
 */
public class FreshDatabaseResource implements QuarkusTestResourceLifecycleManager {

    public static final String INTERNAL_TOKEN = "it-internal-token";

    private final String database = "mp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    public Map<String, String> start() {
        execute("create database " + database);
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "quarkus.datasource.username", "postgres",
                "mp.jwt.verify.publickey.location",
                Path.of("src/test/resources/jwt-test-public.pem").toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", PackagedApp.ISSUER,
                "memberpulse.encryption.key", "aXQtb25seS1rZXktMzItYnl0ZXMtLS0tLS0tLS0tLS0=",
                "memberpulse.internal.token", INTERNAL_TOKEN);
    }

    @Override
    public void stop() {
        execute("drop database if exists " + database + " with (force)");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PackagedApp.ADMIN_URL, "postgres", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
