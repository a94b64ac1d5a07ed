package io.memberpulse.salesforce.wakeup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /internal/wake-up}. */
@Schema(name = "WakeUp")
public record WakeUpView(
        @Schema(description = "Tenants with waiting work whose pipeline was woken", example = "3")
        int tenantsWoken,
        @Schema(description = "Member writes waiting: unplanned member events, pending outbox items and members "
                + "of queued backfill jobs", example = "120")
        long pending,
        @Schema(description = "Whether a reconciliation of every tenant with auto-sync on was started (false: one "
                + "is already running on this replica)")
        boolean reconciliationStarted) {
}
