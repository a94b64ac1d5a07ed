package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The platform event channels a tenant subscribes to ({@code /event/Name__e}), besides Contact and
 * Lead change events. A change takes effect when the subscription next starts (at most one tick).
 */
@ApplicationScoped
public class PlatformEventChannels {

    /** Salesforce's platform event channel: {@code /event/<API name>__e}, case-sensitive. */
    static final Pattern CHANNEL = Pattern.compile("/event/[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__e");
    static final int MAX_CHANNELS = 20;

    /** A tenant's channels. */
    public record View(List<String> channels) {
    }

    private final Pool pool;
    private final SubscriptionLease lease;

    PlatformEventChannels(Pool pool, SubscriptionLease lease) {
        this.pool = pool;
        this.lease = lease;
    }

    public Uni<View> get(String tenantId) {
        return lease.platformChannels(tenantId).map(View::new);
    }

    /** Replaces the tenant's channels after checking every one; nothing changes when one is wrong. */
    public Uni<View> replace(String tenantId, View request) {
        List<String> channels = validated(request);
        return pool.withTransaction(connection -> connection
                .preparedQuery("delete from platform_event_channel where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .chain(() -> channels.isEmpty() ? Uni.createFrom().voidItem() : connection
                        .preparedQuery("insert into platform_event_channel (tenant_id, channel) values ($1, $2)")
                        .executeBatch(channels.stream().map(channel -> Tuple.of(tenantId, channel)).toList())
                        .replaceWithVoid()))
                .replaceWith(new View(channels));
    }

    static List<String> validated(View request) {
        if (request == null || request.channels() == null) {
            throw ProblemException.invalidField("channels", "is required (an empty list subscribes to none)");
        }
        if (request.channels().size() > MAX_CHANNELS) {
            throw ProblemException.invalidField("channels", "has more than " + MAX_CHANNELS + " channels");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.channels().size(); i++) {
            String channel = request.channels().get(i);
            if (channel == null || !CHANNEL.matcher(channel).matches()) {
                errors.add(new Problem.FieldError("channels[" + i + "]",
                        "must be a platform event channel like /event/Order_Placed__e"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(new LinkedHashSet<>(request.channels()));
    }
}
