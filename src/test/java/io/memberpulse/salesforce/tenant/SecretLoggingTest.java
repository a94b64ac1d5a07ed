package io.memberpulse.salesforce.tenant;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.support.CapturedLogs;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every log line written while secrets pass through the service, read back: none holds a secret. */
@QuarkusTest
class SecretLoggingTest {

    static final String SECRET = "never-log-this-secret-9f8e7d";

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
    void secretsNeverReachTheLogs() {
        String tenant = TestTokens.newTenantId();
        String admin = TestTokens.admin(tenant);
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "ck", "consumerSecret", SECRET))
                .put(connectionPath(tenant)).then().statusCode(201);
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "ck2", "consumerSecret", SECRET + "2"))
                .put(connectionPath(tenant)).then().statusCode(200);
        as(admin).body("{\"environment\":\"PRODUCTION\",\"consumerSecret\":\"" + SECRET + "\",\"bogus\":1}")
                .put(connectionPath(tenant)).then().statusCode(400);
        as(admin).body("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"ck3\",\"consumerSecret\":\"" + SECRET
                + "\",\"myDomainUrl\":\"ftp://x\"}").put(connectionPath(tenant)).then().statusCode(400);
        as(admin).delete(connectionPath(tenant)).then().statusCode(204);

        List<String> lines = logs.lines();
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains("never-log-this"));
    }
}
