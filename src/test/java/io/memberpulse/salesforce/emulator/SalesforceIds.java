package io.memberpulse.salesforce.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Salesforce record ids: 15 case-sensitive base-62 characters (3-char key prefix first) plus the
 * 3-char case-safe checksum suffix (reference §3.9).
 */
public final class SalesforceIds {

    /** The empty id Salesforce puts in GAP_OVERFLOW events. */
    public static final String EMPTY_ID = "000000000000000AAA";

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000L);

    /** Standard key prefixes by object name. */
    public static final Map<String, String> PREFIXES = Map.of(
            "Account", "001", "Contact", "003", "Lead", "00Q", "Task", "00T", "Campaign", "701",
            "CampaignMember", "00v", "User", "005", "Organization", "00D");

    private SalesforceIds() {
    }

    /** Appends the checksum suffix to a 15-char id. */
    public static String to18(String id15) {
        StringBuilder out = new StringBuilder(id15);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(block * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            out.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return out.toString();
    }

    /** A new 18-char id with the given 3-char key prefix; a pod-like "5g0" follows the prefix. */
    public static String newId(String keyPrefix) {
        long n = SEQUENCE.incrementAndGet();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            body.append(BASE62.charAt((int) (n % 62)));
            n /= 62;
        }
        return to18(keyPrefix + "5g0" + body.reverse());
    }

    /** True if the value has an id's shape and, when 18 chars long, a matching checksum. */
    public static boolean isWellFormed(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return false;
        }
        return id.length() == 15 || to18(id.substring(0, 15)).equals(id);
    }

    /** The 18-char form of a well-formed 15- or 18-char id. */
    public static String normalize(String id) {
        return id.length() == 15 ? to18(id) : id;
    }

    public static String prefix(String id) {
        return id.substring(0, 3);
    }
}
