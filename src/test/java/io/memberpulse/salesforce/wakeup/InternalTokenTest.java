package io.memberpulse.salesforce.wakeup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The internal token check, without the app: disabled, wrong and right tokens. */
class InternalTokenTest {

    @Test
    void withoutAConfiguredTokenTheEndpointIsDisabled() {
        InternalToken token = new InternalToken(Optional::empty);
        assertThatThrownBy(() -> token.require("Bearer anything"))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> org.assertj.core.api.Assertions.assertThat(problem.type())
                                .isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void aBlankConfiguredTokenAlsoDisablesIt() {
        InternalToken token = new InternalToken(() -> Optional.of("  "));
        assertThatThrownBy(() -> token.require("Bearer   "))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> org.assertj.core.api.Assertions.assertThat(problem.type())
                                .isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void onlyTheExactBearerTokenPasses() {
        InternalToken token = new InternalToken(() -> Optional.of("s3cret-token"));
        assertThatCode(() -> token.require("Bearer s3cret-token")).doesNotThrowAnyException();
        assertThatCode(() -> token.require("bearer s3cret-token")).doesNotThrowAnyException();
        for (String wrong : new String[] { null, "", "s3cret-token", "Bearer s3cret-toke", "Bearer s3cret-token2",
                "Basic s3cret-token", "Bearer " }) {
            assertThatThrownBy(() -> token.require(wrong))
                    .as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(ProblemException.class,
                            problem -> org.assertj.core.api.Assertions.assertThat(problem.type())
                                    .isEqualTo(ProblemType.UNAUTHENTICATED));
        }
    }
}
