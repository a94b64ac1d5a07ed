package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.support.CapturedLogs;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook round whose claim fails in the database logs one warning an operator can act on: what
 * failed and that nothing is lost, never the driver's own text (which here carries a URL with
 * credentials); and the dispatcher is not wedged: the next wake-up runs a round again.
 */
class DeliveryRoundFailureTest {

    static final String LEAKY = "could not reach postgresql://mp_user:pa55-never-logged@db.internal:5432/mp";

    final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void attach() {
        logs.attach();
    }

    @AfterEach
    void detach() {
        logs.detach();
    }

    @Test
    void aRefusedStatementNamesItsSqlStateNotTheDriversText() {
        String line = warningAfterClaimFails(new PgException(LEAKY, "FATAL", "28P01", LEAKY));

        assertThat(line).contains("Webhook delivery round failed: PostgreSQL refused the webhook queue's statement "
                + "with SQLSTATE 28P01").contains("Nothing is lost: the deliveries stay queued");
        assertThat(line).doesNotContain("pa55", "mp_user", "db.internal", "postgresql://");
    }

    @Test
    void aLostConnectionSaysWhatToCheck() {
        String line = warningAfterClaimFails(new RuntimeException(LEAKY, ClosedConnectionException.INSTANCE));

        assertThat(line).contains("the database connection was lost or refused; check QUARKUS_DATASOURCE_REACTIVE_URL");
        assertThat(line).doesNotContain("pa55", "mp_user", "db.internal", "postgresql://");
    }

    @Test
    void anythingElseIsNamedByItsKindOnly() {
        String line = warningAfterClaimFails(new IllegalStateException(LEAKY));

        assertThat(line).contains("Webhook delivery round failed unexpectedly (IllegalStateException)");
        assertThat(line).doesNotContain("pa55", "mp_user", "db.internal", "postgresql://");
    }

    /** Two wake-ups, each running a round whose claim fails: returns the first warning, formatted. */
    private String warningAfterClaimFails(Throwable failure) {
        AtomicInteger claims = new AtomicInteger();
        DeliveryRepository failing = new DeliveryRepository(null) {
            @Override
            Uni<List<Claimed>> claim(int members, int perMember, Duration claimTimeout) {
                claims.incrementAndGet();
                return Uni.createFrom().failure(failure);
            }
        };
        WebhookConfig config = config();
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(failing, new WebhookClient(null, config), config);

        dispatcher.wake();
        dispatcher.wake();

        assertThat(claims).as("a failed round does not keep the next from starting").hasValue(2);
        List<LogRecord> warnings = logs.atLeast(Level.WARNING);
        assertThat(warnings).hasSize(2);
        LogRecord record = warnings.get(0);
        String line = record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
        assertThat(record.getThrown()).as("no stack trace, which would print the message").isNull();
        return line;
    }

    /** The defaults, with a URL and secret set so deliveries may be sent. */
    private static WebhookConfig config() {
        return (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] { WebhookConfig.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "url":
                            return Optional.of("http://127.0.0.1:9/webhooks/salesforce");
                        case "secret":
                            return Optional.of("test-only-webhook-secret");
                        case "enabled":
                            return true;
                        case "batchSize":
                            return 200;
                        case "chainLength":
                            return 25;
                        case "roundsInFlight":
                            return 2;
                        case "sendTimeout":
                            return Duration.ofSeconds(20);
                        case "claimTimeout":
                            return Duration.ofMinutes(1);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
