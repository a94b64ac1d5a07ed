package io.memberpulse.salesforce.intake;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Member events from MemberPulse core into the inbox: validated whole, stored durably (idempotent
 * by event id) before the caller hears "accepted", and the planner woken.
 */
@ApplicationScoped
public class EventIntakeService {

    /**
     * The PostgreSQL channel notified, with the tenant id as payload, in the transaction that
     * stores new events of that tenant. The planner LISTENs on it.
     */
    public static final String CHANNEL = io.memberpulse.salesforce.outbound.OutboundChannels.MEMBER_EVENTS;

    private final EventValidator validator;
    private final InboxRepository inbox;

    EventIntakeService(EventValidator validator, InboxRepository inbox) {
        this.validator = validator;
        this.inbox = inbox;
    }

    /** Stores a batch; fails with a 400 problem naming every bad field when any event is invalid. */
    public Uni<IntakeResult> receive(String tenantId, EventBatch batch) {
        return Uni.createFrom().item(() -> validator.validate(batch))
                .chain(valid -> store(tenantId, valid))
                .invoke(result -> Log.debugf("Tenant %s: %d member events accepted, %d duplicates", tenantId,
                        result.accepted(), result.duplicates()));
    }

    private Uni<IntakeResult> store(String tenantId, ValidBatch valid) {
        return inbox.store(tenantId, valid.unique())
                .map(valid::outcome);
    }
}
