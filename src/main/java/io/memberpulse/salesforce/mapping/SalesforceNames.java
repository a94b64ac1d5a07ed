package io.memberpulse.salesforce.mapping;

import java.util.regex.Pattern;

/** Salesforce field API names: what a mapping may name. */
final class SalesforceNames {

    /** Salesforce's limit for field API names, and the width of the settings columns. */
    static final int MAX_LENGTH = 80;

    static final String RULE = "must be a Salesforce field API name: letters, digits and single underscores, "
            + "starting with a letter, optionally ending in __c (with an optional namespace__ prefix), at most "
            + MAX_LENGTH + " characters";

    /** {@code [namespace__]Name[_Part...][__c]}: no leading, trailing or doubled underscores elsewhere. */
    private static final Pattern API_NAME = Pattern.compile(
            "(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__c)?");

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
