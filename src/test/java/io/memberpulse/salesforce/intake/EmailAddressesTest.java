package io.memberpulse.salesforce.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = { "ada@example.org", "ada.lovelace+news@mail.example.co.uk", "o'brien@example.ie",
            "x@a-b.example", "UPPER@EXAMPLE.ORG", "n@xn--80ak6aa92e.xn--p1ai" })
    void acceptsOrdinaryAddresses(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ada", "ada@", "@example.org", "ada@example", "ada@@example.org", ".ada@example.org",
            "ada.@example.org", "a..b@example.org", "ada@-example.org", "ada@example-.org", "ada@example.o",
            "ada@example.123", "ada @example.org", " ada@example.org", "ada@example.org\n", "\"ada\"@example.org",
            "ada@[192.168.0.1]", "adä@example.org" })
    void refusesMalformedAddresses(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 81, 120 })
    void refusesAddressesLongerThanSalesforceStores(int length) {
        String address = "a".repeat(length - "@example.org".length()) + "@example.org";
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }
}
