package io.memberpulse.salesforce.synclog;

import io.memberpulse.salesforce.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: base64url of the last entry id of a page. Opaque so that callers
 * pass it back unchanged and the encoding can change without breaking them.
 */
final class SyncLogCursor {

    private SyncLogCursor() {
    }

    static String of(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id entries of the next page are older than; null without a cursor. */
    static Long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (id > 0) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not base64url, or not a number: the same answer below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor of this sync log; pass `nextCursor` of the "
                + "previous page unchanged, or omit it for the newest entries");
    }
}
