package io.memberpulse.salesforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One tenant's outage opens only its own circuit breaker. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class TenantIsolationTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    SalesforceClient salesforce;

    @Test
    void aFailingTenantOpensItsOwnBreakerAndLeavesOthersAlone() throws IOException {
        OrgCredentials unreachable = OrgCredentials.clientCredentials(TestTokens.newTenantId(),
                "http://localhost:" + closedPort(), "client", "secret");
        OrgCredentials healthy = OrgCredentials.clientCredentials(TestTokens.newTenantId(), emulator.baseUrl(),
                SalesforceEmulator.DEFAULT_CLIENT_ID, SalesforceEmulator.DEFAULT_CLIENT_SECRET);

        for (int i = 0; i < 10 && salesforce.breakerState(unreachable.tenantId()) != CircuitBreakerState.OPEN; i++) {
            assertThatThrownBy(() -> salesforce.limits(unreachable).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOf(SalesforceException.class);
        }

        assertThat(salesforce.breakerState(unreachable.tenantId())).isEqualTo(CircuitBreakerState.OPEN);
        assertThatThrownBy(() -> salesforce.limits(unreachable).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(SalesforceException.CircuitOpen.class);
        assertThat(salesforce.limits(healthy).await().atMost(Duration.ofSeconds(30)).has("DailyApiRequests"))
                .isTrue();
        assertThat(salesforce.breakerState(healthy.tenantId())).isEqualTo(CircuitBreakerState.CLOSED);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
