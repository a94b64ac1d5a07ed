package io.memberpulse.salesforce.inbound;

import java.util.regex.Pattern;

/**
 * Compares Salesforce ids that may come in either form: the 15-character case-sensitive id or the
 * 18-character one with its case-safe checksum suffix. An Outbound Message carries the org's
 * 18-character id while its URLs and some settings show 15 characters.
 */
final class SalesforceOrgIds {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");

    private SalesforceOrgIds() {
    }

    /**
     * True when both name the same record: their 15-character forms are equal (case-sensitively).
     * An 18-character id whose suffix does not fit its first 15 characters matches nothing.
     */
    static boolean same(String a, String b) {
        String first = canonical(a);
        return first != null && first.equals(canonical(b));
    }

    /** The 15-character form, or null when the value is not a well-formed id. */
    static String canonical(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return null;
        }
        String id15 = id.substring(0, 15);
        if (id.length() == 18 && !suffix(id15).equals(id.substring(15).toUpperCase(java.util.Locale.ROOT))) {
            return null;
        }
        return id15;
    }

    /** Salesforce's checksum: per block of five characters, a bit for each upper-case letter. */
    static String suffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(block * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }
}
