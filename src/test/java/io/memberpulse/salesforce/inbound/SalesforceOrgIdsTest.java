package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 15- and 18-character org ids compare by their case-sensitive 15 characters and a valid checksum. */
class SalesforceOrgIdsTest {

    @Test
    void fifteenAndEighteenCharacterFormsOfOneOrgAreTheSame() {
        // The org of sample 15: the message carries 18 characters, its URLs 15.
        assertThat(SalesforceOrgIds.same("00Dn00000008y2tEAA", "00Dn00000008y2t")).isTrue();
        assertThat(SalesforceOrgIds.same("00Dn00000008y2t", "00Dn00000008y2tEAA")).isTrue();
        assertThat(SalesforceOrgIds.same("00Dn00000008y2tEAA", "00Dn00000008y2teaa")).isTrue();
        assertThat(SalesforceOrgIds.suffix("00Dn00000008y2t")).isEqualTo("EAA");
    }

    @Test
    void caseMattersInTheFirstFifteenAndABadChecksumMatchesNothing() {
        assertThat(SalesforceOrgIds.same("00Dn00000008y2t", "00DN00000008y2t")).isFalse();
        assertThat(SalesforceOrgIds.same("00Dn00000008y2tEAA", "00DN00000008Y2TEAA")).isFalse();
        assertThat(SalesforceOrgIds.same("00Dn00000008y2tZZZ", "00Dn00000008y2t")).isFalse();
        assertThat(SalesforceOrgIds.same(null, null)).isFalse();
        assertThat(SalesforceOrgIds.same("00Dn00000008y2", "00Dn00000008y2")).isFalse();
    }

    @Test
    void secretsAreRandomUrlSafeAndComparedExactly() {
        String secret = OutboundMessageSecrets.newSecret();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(OutboundMessageSecrets.newSecret());
        assertThat(OutboundMessageSecrets.sameSecret(Optional.of(secret), secret)).isTrue();
        assertThat(OutboundMessageSecrets.sameSecret(Optional.of(secret), secret + "x")).isFalse();
        assertThat(OutboundMessageSecrets.sameSecret(Optional.of(secret), null)).isFalse();
        assertThat(OutboundMessageSecrets.sameSecret(Optional.empty(), secret)).isFalse();
    }
}
