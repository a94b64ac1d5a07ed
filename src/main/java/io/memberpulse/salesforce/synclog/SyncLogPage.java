package io.memberpulse.salesforce.synclog;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the sync log, newest first. */
@Schema(name = "SyncLogPage")
public record SyncLogPage(
        List<SyncLogEntryView> entries,
        @Schema(description = "Pass as `cursor` for the next (older) page; null on the last page", nullable = true)
        String nextCursor) {
}
