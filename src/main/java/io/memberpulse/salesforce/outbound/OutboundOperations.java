package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The registered {@link OutboundOperation}s by name: sends their batches and runs their bookkeeping. */
@ApplicationScoped
class OutboundOperations {

    private final Map<String, OutboundOperation> byName = new HashMap<>();
    private final LinkRepository links;
    private final BatchOutcomes outcomes;

    OutboundOperations(Instance<OutboundOperation> operations, LinkRepository links, BatchOutcomes outcomes) {
        operations.forEach(operation -> byName.put(operation.name(), operation));
        this.links = links;
        this.outcomes = outcomes;
    }

    /** Which operations' items wait for the member's Contact. */
    Map<String, Boolean> needingContact() {
        Map<String, Boolean> needs = new HashMap<>();
        byName.forEach((name, operation) -> needs.put(name, operation.needsContact()));
        return needs;
    }

    /** Sends a claimed batch of one operation (not the Contact upsert). */
    Uni<List<ItemOutcome>> send(OrgCredentials org, List<ClaimedItem> items) {
        OutboundOperation operation = byName.get(items.get(0).operation());
        if (operation == null) {
            Log.errorf("Tenant %s: no handler for outbox operation %s", org.tenantId(), items.get(0).operation());
            return Uni.createFrom().item(items.stream()
                    .map(item -> outcomes.failed(item, "UNKNOWN_OPERATION", "No handler for " + item.operation(),
                            "This version of the service cannot send this write: upgrade it, then retry."))
                    .collect(Collectors.toList()));
        }
        List<String> members = items.stream().map(ClaimedItem::memberId).distinct().collect(Collectors.toList());
        return links.links(org.tenantId(), members)
                .chain(linked -> operation.send(new OperationBatch(org, items, linked)));
    }

    /** Each operation's bookkeeping for its own outcomes, in the outcome transaction. */
    Uni<Void> recorded(SqlConnection connection, String tenantId, List<ItemOutcome> decided) {
        Map<String, List<ItemOutcome>> byOperation = decided.stream()
                .filter(o -> byName.containsKey(o.item().operation()))
                .collect(Collectors.groupingBy(o -> o.item().operation()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<ItemOutcome>> entry : byOperation.entrySet()) {
            OutboundOperation operation = byName.get(entry.getKey());
            chain = chain.chain(() -> operation.recorded(connection, tenantId, entry.getValue()));
        }
        return chain;
    }
}
