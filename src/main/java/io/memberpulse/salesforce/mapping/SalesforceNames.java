package io.memberpulse.salesforce.mapping;

import java.util.regex.Pattern;

/** Salesforce field API names: what a mapping may name. */
final class SalesforceNames {

    /** Salesforce's limit for field API names, and the width of the settings columns. */
    static final int MAX_LENGTH = 80;

    static final String RULE = "must be a Salesforce field API name: letters, digits and single underscores, "
            + "starting with a letter, optionally ending in __c (with an optional namespace__ prefix), at most "
            + MAX_LENGTH + " characters";

    /** Letters and digits in parts joined by single underscores, starting with a letter. */
    private static final String NAME = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";

    /** Standard {@code Name}, or custom {@code [namespace__]Name__c}. */
    private static final Pattern API_NAME = Pattern.compile(NAME + "|(?:" + NAME + "__)?" + NAME + "__c");

    private SalesforceNames() {
    }

    static boolean isApiName(String name) {
        return name.length() <= MAX_LENGTH && API_NAME.matcher(name).matches();
    }

    /** Salesforce compares API names ignoring case. */
    static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
