package io.memberpulse.salesforce.intake;

import java.util.regex.Pattern;

/**
 * A pragmatic check of email addresses: what Salesforce's Email field and ordinary mail servers
 * take. Dot-atom local part (no quoted strings, no leading, trailing or double dots), a host name
 * of at least two labels, ending in a top-level domain that starts with a letter. No IP literals.
 */
final class EmailAddresses {

    /** Salesforce's Email field holds 80 characters. */
    static final int MAX_LENGTH = 80;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String TOP_LEVEL = "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])";
    private static final Pattern ADDRESS = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+" + TOP_LEVEL);
    private static final int MAX_LOCAL_PART = 64;

    private EmailAddresses() {
    }

    static boolean isValid(String address) {
        return address.length() <= MAX_LENGTH
                && address.indexOf('@') <= MAX_LOCAL_PART
                && ADDRESS.matcher(address).matches();
    }
}
