package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The subscriber's positions in {@code inbound_position}, through {@link InboundPositions}. */
@ApplicationScoped
class StoredReplayPositions implements ReplayPositions {

    private final InboundPositions positions;

    StoredReplayPositions(InboundPositions positions) {
        this.positions = positions;
    }

    @Override
    public Uni<Map<String, Position>> find(String tenantId) {
        return positions.find(tenantId)
                .map(StoredReplayPositions::converted);
    }

    @Override
    public Uni<Void> store(String tenantId, String channel, long replayId, Instant committedAt) {
        return positions.store(tenantId, channel, replayId, committedAt);
    }

    private static Map<String, Position> converted(Map<String, InboundPositions.Position> stored) {
        Map<String, Position> converted = new HashMap<>();
        stored.forEach((channel, position) -> converted.put(channel,
                new Position(position.replayId(), position.lastCommitAt())));
        return converted;
    }
}
