package io.memberpulse.salesforce.inbound;

import java.time.Instant;
import java.util.List;

/**
 * One message received on a streaming channel, parsed: what to do with it and the replay id that
 * is stored once it is done.
 *
 * @param channel   the CometD channel it arrived on
 * @param replayId  its replay id on that channel
 * @param type      how it is handled
 * @param objectType the sObject (CDC {@code entityName}) or platform event name
 * @param recordIds the records it names (gap: the records to fetch)
 * @param change    the change to apply ({@link Type#CHANGE}, {@link Type#PLATFORM_EVENT}); for
 *                  {@link Type#FETCH_RECORDS} the change as received, whose values are not applied but
 *                  whose {@code changeOrigin} is kept (the service's own writes stay echoes); else null
 * @param committedAt Salesforce's {@code commitTimestamp} (platform events: {@code CreatedDate})
 */
record StreamEvent(String channel, long replayId, Type type, String objectType, List<String> recordIds,
        SalesforceChange change, Instant committedAt) {

    /** How an event is handled. */
    enum Type {
        /** A change with its values: applied as it is. */
        CHANGE,
        /** A platform event: applied as a change of the event type carrying its payload. */
        PLATFORM_EVENT,
        /**
         * {@code GAP_*}, or a change whose values Salesforce sent as a diff: the named records are read
         * from the org (SOQL by id) and applied as full records.
         */
        FETCH_RECORDS,
        /** {@code GAP_OVERFLOW}: the object is caught up by SOQL from the event's commit time. */
        CATCH_UP_OBJECT
    }

    /** Whether the event can be applied straight from its payload, in a batch with its neighbours. */
    boolean appliesDirectly() {
        return type == Type.CHANGE || type == Type.PLATFORM_EVENT;
    }
}
