package io.memberpulse.salesforce.salesforce;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * SOQL string literals built from values that came from outside (ids, emails): quoted and escaped
 * the way SOQL requires, so a value can never change the query around it.
 */
public final class SoqlLiterals {

    private SoqlLiterals() {
    }

    /** {@code 'value'} with backslash, quote and control characters escaped. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** {@code ('a','b')} for an {@code IN} clause; the values must not be empty. */
    public static String inList(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return values.stream().map(SoqlLiterals::quote).collect(Collectors.joining(",", "(", ")"));
    }
}
