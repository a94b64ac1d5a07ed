package io.memberpulse.salesforce.inbound;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;

/**
 * Keeps replayed events from being overtaken by newer ones after a (re)subscription.
 *
 * <p>Why: the server queues a channel's replayed events while it handles the subscribe, and
 * flushes its session queue into whichever response goes out next: the subscribe reply or the
 * held {@code /meta/connect}. The CometD client processes those two HTTP responses on different
 * threads, so a newer event (in one response) can reach the drain before an older replayed one
 * (in the other), and the drain, already applying, would send the older value after the newer.
 * Inside one response the order is the server's (messages first, the reply last), and once no
 * subscribe is outstanding there is only one long poll at a time again.
 *
 * <p>So after each handshake the drain is held until every subscribe reply has been processed and
 * then until the connect that was in flight at that moment (if any) has answered: everything
 * flushed before then has arrived, sorted by replay id in the drain's queue, and everything after
 * comes in order on the one long poll.
 */
final class ResubscribeBarrier {

    private final EventDrain drain;
    private boolean holding;
    private int pendingSubscribes;
    private boolean connectInFlight;
    private boolean awaitingConnect;

    ResubscribeBarrier(EventDrain drain) {
        this.drain = drain;
    }

    /**
     * The extension that tells this barrier about the connects one connection sends. Every method
     * takes the drain generation of the connection reporting: a connection a restart replaced may
     * still report (its threads run on), and must not open or hold the drain for the new one.
     */
    ClientSession.Extension watchingConnects(long generation) {
        return new ClientSession.Extension() {
            @Override
            public boolean sendMeta(ClientSession session, Message.Mutable message) {
                if (Channel.META_CONNECT.equals(message.getChannel())) {
                    connectSent(generation);
                }
                return true;
            }
        };
    }

    /** A handshake succeeded: {@code channels} subscribe replies are to come. */
    synchronized void handshook(long generation, int channels) {
        if (stale(generation)) {
            return;
        }
        if (!holding) {
            holding = true;
            drain.hold();
        }
        pendingSubscribes = channels;
        awaitingConnect = false;
    }

    /** A subscribe reply (success or failure) was processed, after the events that came with it. */
    synchronized void subscribeAnswered(long generation) {
        if (stale(generation) || !holding || --pendingSubscribes > 0) {
            return;
        }
        if (connectInFlight) {
            awaitingConnect = true;
        } else {
            open();
        }
    }

    /** A {@code /meta/connect} reply was processed, after the events that came with it. */
    synchronized void connectAnswered(long generation) {
        if (stale(generation)) {
            return;
        }
        connectInFlight = false;
        if (awaitingConnect) {
            open();
        }
    }

    /**
     * The connection is being replaced (after the drain's reset, which started a new generation).
     * A hold taken by a report that passed just before that reset is given back here.
     */
    synchronized void reset() {
        if (holding) {
            drain.release();
        }
        holding = false;
        pendingSubscribes = 0;
        connectInFlight = false;
        awaitingConnect = false;
    }

    private synchronized void connectSent(long generation) {
        if (!stale(generation)) {
            connectInFlight = true;
        }
    }

    /**
     * Checked and acted on under this barrier's lock: a report that passes before the drain's reset
     * is wiped by {@link #reset()}, which waits for the lock; one after it is ignored.
     */
    private boolean stale(long generation) {
        return generation != drain.generation();
    }

    private void open() {
        holding = false;
        awaitingConnect = false;
        drain.release();
    }
}
