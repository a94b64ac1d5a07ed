package io.memberpulse.salesforce.emulator;

/**
 * Who writes and through which door: shapes CDC {@code changeOrigin}/{@code commitUser} and
 * whether injected faults apply.
 *
 * @param changeOrigin the CDC changeOrigin, e.g. {@code com/salesforce/api/rest/62.0;client=x}
 * @param userId the user the change is attributed to (CreatedById, LastModifiedById, commitUser)
 * @param api true for API calls (faults apply), false for test helpers
 */
public record WriteContext(String changeOrigin, String userId, boolean api) {

    /** Lightning UI edits, as sample 11a shows them. */
    public static String uiOrigin(String apiVersion) {
        return "com/salesforce/api/soap/" + apiVersion + ";client=SfdcInternalAPI/";
    }

    /** A REST write, with {@code ;client=} only when the caller sent {@code Sforce-Call-Options: client=}. */
    public static String restOrigin(String apiVersion, String client) {
        String base = "com/salesforce/api/rest/" + apiVersion;
        return client == null || client.isEmpty() ? base : base + ";client=" + client;
    }
}
