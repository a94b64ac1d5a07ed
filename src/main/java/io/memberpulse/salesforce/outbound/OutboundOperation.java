package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * One kind of Salesforce write the outbox carries besides the Contact upsert (Tasks, tag records,
 * CampaignMembers, Lead updates, custom object records). Implement it as an {@code @ApplicationScoped}
 * bean in the feature's own package; the worker finds it by {@link #name()}.
 *
 * <h2>How a new kind of write plugs in</h2>
 * <ol>
 * <li><b>Planning</b> (member event -> work). Implement {@link WorkPlanner}: once per planning
 * batch {@link WorkPlanner#forTenant} loads the tenant's settings and answers an
 * {@link WorkPlanner.EventFolder}; the planner hands it every stored member event in order
 * ({@link PlannedEvent}) with a {@link PlanSink}. Call {@link PlanSink#contactFields} to change the
 * member's Contact write itself (e.g. a picklist delta: it merges into the one pending Contact
 * write of the member), or {@link PlanSink#work} to queue an item of your operation. Items coalesce
 * per (member, operation, {@code itemKey}), field by field, the newer event winning: use
 * {@code itemKey = ""} for one write per member (a Lead update), the record's own key for
 * independent records (a Task: its external id, so a re-sent event folds into the same item and
 * is written once). All of this runs in the planner's transaction under the tenant's outbox lock:
 * no I/O in {@code fold}.</li>
 * <li><b>Claiming.</b> A claim takes up to {@code memberpulse.outbound.batch-size} (200) due items
 * <em>of one operation</em>, live before backfill, Contacts first, oldest first, with FOR UPDATE
 * SKIP LOCKED under the tenant's advisory lock; a member with any item in flight is skipped, so one
 * member's writes never overtake each other.</li>
 * <li><b>Waiting for the Contact.</b> If {@link #needsContact()}, an item is only claimed once the
 * member has a {@code member_link} (its Contact id, in {@link OperationBatch#links()}) or no Contact
 * write of the member is pending or in flight; in the latter case there is no Contact to wait for:
 * answer {@link BatchOutcomes#noContact} (a FAILED outcome the admin can retry from the sync log).</li>
 * <li><b>Sending.</b> {@link #send} gets the claimed batch (never more than 200 items) and makes as
 * few Salesforce calls as it can, normally one sObject Collections upsert by external id
 * (allOrNone=false). It runs outside any transaction. It answers one {@link ItemOutcome} per item:
 * {@link BatchOutcomes#ofResult} turns a per-record result into DONE, RETRY with backoff, or FAILED
 * with Salesforce's code and an admin hint. A {@code SalesforceException} failing the whole call may
 * simply propagate: the worker turns it into outcomes for every item (retry, requeue while the tenant
 * is paused, or fail) and pauses the tenant or marks it for reconnecting as for Contacts.</li>
 * <li><b>Recording.</b> The worker records the outcomes in one transaction: items closed, failed or
 * requeued, one {@code sync_log} row per final outcome (operation, member, item key, Salesforce id,
 * code, hint, attempts, outbox item id: retryable from the sync log), then {@link #recorded} for
 * the operation's own bookkeeping (e.g. remembering record ids for later deletes) in that same
 * transaction. API budget, circuit breaker, pause and credential handling are the worker's.</li>
 * </ol>
 */
public interface OutboundOperation {

    /** The Contact upsert; owned by this package. */
    String CONTACT_UPSERT = "CONTACT_UPSERT";

    /** The stored operation name: 3-24 characters, upper case letters, digits and underscores. */
    String name();

    /**
     * Whether items must wait for the member's Contact (they refer to its id). True by default: every
     * kind of write so far is attached to the Contact, and waiting is the safe side.
     */
    default boolean needsContact() {
        return true;
    }

    /** Writes one claimed batch (items of this operation only); see the type's Javadoc. */
    Uni<List<ItemOutcome>> send(OperationBatch batch);

    /** Bookkeeping in the outcome transaction, after items and sync log are written. */
    default Uni<Void> recorded(SqlConnection connection, String tenantId, List<ItemOutcome> outcomes) {
        return Uni.createFrom().voidItem();
    }
}
