package io.memberpulse.salesforce.intake;

import java.util.List;

/** The membership states MemberPulse reports in {@code membership.status_changed}. */
public final class MembershipStatuses {

    /** Every status, as sent in {@code data.status}. */
    public static final List<String> ALL = List.of("active", "expiring", "expired", "upgraded",
            "downgrade_scheduled");

    private MembershipStatuses() {
    }
}
